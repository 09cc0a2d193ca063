/**
 * Common given names by the gender they usually signal, to check that "she" can refer to a
 * person. A hint only: unknown names are compatible with any pronoun.
 */
const words = (s: string): string[] => s.trim().split(/\s+/);

const FEMALE = words(`
  anita julianne hillary chelsea melania ivanka nancy elizabeth kamala michelle donna huma kellyanne
  sarah sara hope karen mary patricia jennifer linda barbara susan jessica margaret lisa betty dorothy
  sandra ashley kimberly emily carol michelle amanda melissa deborah stephanie rebecca laura sharon
  cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine
  debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia
  kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
  ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
  beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
  angela ursula theresa annalena liz priti nadine kaja federica ylva marine giorgia jacinda
  tulsi elise condoleezza madeleine samantha karine ava jill gennifer monica
  janet loretta susana claire jeanne debbie tammy marsha kirsten kristen heidi maxine ilhan alexandria
  rashida ayanna dianne barbara jill ruth sonia elena amy shelley stacey lisa gretchen betsy
  olena iryna yulia natalia svetlana maria anastasia tatiana olga ekaterina irina marina valentina
  kate katie beth liz jane sue ellen carla rosa lucia carmen ana adriana esther julie krystal connie
  stacey quina donna tina gwen terry
`);

const MALE = words(`
  joe joseph jens ben benjamin dmitry dmitri dmytro sergey sergei volodymyr vladimir donald barack
  bill george mike michael john james robert william david richard charles thomas christopher daniel
  matthew anthony mark paul steven andrew kenneth joshua kevin brian edward ronald timothy jason jeffrey
  ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon frank gregory raymond
  samuel patrick alexander jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
  kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur
  lawrence jesse dylan bryan jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
  randy eugene vincent russell elijah louis bobby philip johnny bernie ted marco jeb chris rand lindsey
  mitch chuck newt rudy reince paul tim mike rex antony lloyd jake jen emmanuel olaf boris rishi keir
  justin recep xi narendra viktor andrzej alexei alexander nikolai yevgeny ramzan sergiy oleksiy
  mykhailo andriy vitali vitaliy petro denys oleksandr yuriy igor ivan pavel anatoly valery
  josh raj jim elijah jason stephen al marc rick rob reid harry chad ron jeff jeffrey tom tony
  greg doug dan danny dave matt nick steve bob bobby ben ken kevin larry luis carlos jorge
  jose miguel pedro francisco antonio manuel mohammed muhammad ahmed ali omar hassan
`);

const GENDER = new Map<string, 'female' | 'male' | null>();
for (const name of MALE) GENDER.set(name, 'male');
// A name on both lists (Terry) says nothing.
for (const name of FEMALE) GENDER.set(name, GENDER.has(name) ? null : 'female');

export function genderOfGivenName(name: string): 'female' | 'male' | null {
  return GENDER.get(name.toLowerCase()) ?? null;
}
