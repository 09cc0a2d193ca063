import { z } from 'zod';
import { deliveryRow } from '../../columns.js';
import { CODECS, int } from '../rows.js';

export { DELIVERY_COLUMNS } from '../../columns.js';

/** A deliveries row, as this engine returns it, read into a Delivery. */
export const DeliveryRow = deliveryRow(CODECS);

/** Just the id, to name a row that does not parse. */
export const DeliveryId = z.object({ id: int });
