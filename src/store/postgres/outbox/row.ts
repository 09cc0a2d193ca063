import { z } from 'zod';
import { deliveryRow } from '../../columns.js';
import { CODECS, int8 } from '../rows.js';

export { DELIVERY_COLUMNS } from '../../columns.js';

/** A deliveries row, as this engine returns it, read into a Delivery. */
export const DeliveryRow = deliveryRow(CODECS);

/** Just the id, to name a row that does not parse. */
export const DeliveryId = z.object({ id: int8 });

/**
 * Only deliveries for the platforms in parameter `$n` (all when it is null). The platform is the
 * channel up to its first colon: "slack:T1:C1" → "slack", "console" → "console".
 */
export const onPlatforms = (n: number): string => `($${n}::text[] IS NULL OR split_part(d.channel, ':', 1) = ANY ($${n}::text[]))`;
