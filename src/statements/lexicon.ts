/**
 * Word lists the extraction engine reasons with. Lower-case; looked up by exact token.
 * Kept in one place so that tuning the engine is editing data, not code.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Verbs (all forms used in news) that introduce what somebody said or wrote. */
export const SPEECH_VERBS = set(`
  say says said saying
  tell tells told telling
  add adds added adding
  ask asks asked asking
  stated stating
  declare declares declared declaring
  announce announces announced announcing
  insist insists insisted insisting
  stress stresses stressed stressing
  note notes noted noting
  explain explains explained explaining
  argue argues argued arguing
  claimed claiming
  warn warns warned warning
  urge urges urged urging
  write writes wrote writing
  tweet tweets tweeted tweeting
  posted
  reply replies replied replying
  respond responds responded responding
  continue continues continued continuing
  recall recalls recalled recalling
  acknowledge acknowledges acknowledged acknowledging
  admit admits admitted admitting
  concede concedes conceded conceding
  confirm confirms confirmed confirming
  deny denies denied denying
  suggest suggests suggested suggesting
  predict predicts predicted predicting
  promised
  vow vows vowed vowing
  pledged
  complain complains complained complaining
  countered countering
  joke jokes joked joking
  quip quips quipped quipping
  shout shouts shouted shouting
  observe observes observed observing
  remarked remarking
  reported reporting
  testify testifies testified testifying
  assert asserts asserted asserting
  maintain maintains maintained maintaining
  emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
  caution cautions cautioned cautioning
  lament laments lamented lamenting
  boast boasts boasted boasting
  agree agrees agreed agreeing
  conclude concludes concluded concluding
  describe describes described describing
  calls called calling
  charged charging
  allege alleges alleged alleging
  accuse accuses accused accusing
  contend contends contended contending
  demanded demanding
  mention mentions mentioned mentioning
  reiterate reiterates reiterated reiterating
  repeat repeats repeated repeating
  pointed pointing
  cite cites cited citing
  exclaim exclaims exclaimed exclaiming
  yell yells yelled yelling
  chant chants chanted chanting
  proclaim proclaims proclaimed proclaiming
  whisper whispers whispered whispering
  scoff scoffs scoffed scoffing
  snap snaps snapped snapping
  blast blasts blasted blasting
  slam slams slammed slamming
  praise praises praised praising
  criticize criticizes criticized criticizing criticise criticises criticised criticising
  attack attacks attacked attacking
  mock mocks mocked mocking
  dismiss dismisses dismissed dismissing
  labeled labelled labeling labelling
  branded branding
  dub dubs dubbed dubbing
  termed terming
  characterize characterizes characterized characterizing
  believe believes believed believing
  think thinks thought thinking
  hopes hoped
  worried
  feared
  indicate indicates indicated indicating
  signaled signalled
  hint hints hinted hinting
  estimated
  recount recounts recounted recounting
  questioned
  wonder wonders wondered wondering
  speculate speculates speculated speculating
  encouraged encouraging
  sing sings sang singing
  exhort exhorts exhorted
  liken likens likened
  laud lauds lauded
  quote quotes quoted
`);

/** Verbs that mark reported speech strongly enough to extract an `indirect` statement. */
export const REPORTING_VERBS = set(`
  said says told tells added adds stated declared declares announced announces
  insisted insists stressed stresses noted notes explained explains argued argues claimed claims
  warned warns urged urges wrote writes tweeted tweets replied responded acknowledged admitted
  conceded confirmed confirms denied denies suggested suggests predicted predicts promised promises
  vowed vows pledged pledges complained asserted asserts maintained maintains emphasized emphasised
  cautioned reiterated reported contended contends alleged alleges charged
`);

/** Verbs that take the hearer as object before the content ("told reporters", "urged Moscow"). */
export const OBJECT_VERBS = set(`
  tell tells told telling urge urges urged urging ask asks asked asking warn warns warned warning
  remind reminds reminded assure assures assured inform informs informed
`);

/** Adverbs and auxiliaries that may stand between a speaker and the verb ("Peskov further said"). */
export const VERB_MODIFIERS = set(`
  also further later then again once previously recently earlier repeatedly reportedly still
  has had have was is were are would will could did does do had been once subsequently initially
  separately publicly privately quickly immediately bluntly flatly simply only just even finally
  first last often frequently originally famously angrily openly directly explicitly
  already has have not never now today yesterday
`);

/** Honorifics that tell a person's gender ("Mr. Brandt" is not Helga Brandt), without their period. */
export const HONORIFIC_GENDERS: ReadonlyMap<string, 'female' | 'male'> = new Map([
  ['mr', 'male'],
  ['sir', 'male'],
  ['lord', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['dame', 'female'],
  ['lady', 'female'],
]);

/** Nouns heading a description of a speaker ("the minister", "a Pentagon spokesperson"). */
export const ROLE_NOUNS = set(`
  minister ministers secretary secretaries spokesperson spokespersons spokesman spokesmen spokeswoman spokeswomen
  president presidents ambassador ambassadors envoy envoys official officials officer officers
  senator senators lawmaker lawmakers congressman congresswoman representative governor mayor
  chancellor premier chief head leader leaders director chairman chairwoman chair commander commanders
  general admiral diplomat diplomats analyst analysts expert experts adviser advisers advisor advisors
  aide aides source sources negotiator negotiators strategist strategists economist economists
  professor researcher researchers lawyer lawyers attorney prosecutor prosecutors judge justice
  candidate nominee nominees strategist pollster pollsters consultant consultants operative operatives
  organizer founder executive executives ceo manager managers member members surrogate surrogates
  supporter supporters critic critics activist activists campaigner campaigners voter voters
  resident residents witness witnesses reporter reporters journalist journalists editor columnist
  writer author historian scientist scientists doctor doctors physician nurse police sheriff
  deputy deputies staffer staffers veteran veterans teacher student students worker workers
  narrator host anchor commentator correspondent agency agencies ministry department
  campaign committee council office government administration team party
`);

/** Words that make a capitalised phrase an organisation rather than a person. */
export const ORGANISATION_WORDS = set(`
  ministry department committee council party agency office commission campaign foundation
  institute university college school association union alliance organization organisation
  administration government parliament congress senate house assembly court army navy force forces
  command district service services bureau board bank fund group corporation company inc corp ltd
  news times post journal tribune herald gazette press radio television tv network channel
  agency kremlin pentagon nato un eu fbi cia nsa doj dhs epa gop dnc rnc white center centre
  coalition caucus federation league network society project club movement front
  ministry embassy consulate mission police guard military headquarters cabinet
`);

/** Pronouns that can stand for a speaker, with the gender they require (null: any). */
export const SPEAKER_PRONOUNS: ReadonlyMap<string, 'female' | 'male' | 'plural' | null> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['it', 'plural'],
]);

/** Single-word tokens that look capitalised at a sentence start but never begin a name. */
export const CAPITALISED_FUNCTION_WORDS = set(`
  the a an this that these those he she it they we i you his her its their our my your
  but and or so yet for nor if when while as after before since because although though
  in on at by with from to of into onto over under about against between among during without
  meanwhile however still also then now today yesterday tomorrow there here what which who whom
  whose where why how all some many most more much few several no not nothing nobody none
  mr mrs ms dr
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  asked speaking writing according earlier later last next said says say told added wrote replied
  just even only both either neither each every another such other
`);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt st jr sr rev fr del
  inc co corp ltd no vs etc e.g i.e u.s u.k u.n e.u d.c a.m p.m
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft
`);

/** Quote-internal words that mark a title or a name rather than speech. */
export const TITLE_CUES = set(`
  titled entitled headlined dubbed nicknamed named show program programme book film movie
  documentary series column op-ed editorial article commentary essay song album slogan hashtag
  motto banner sign headline newsletter podcast episode segment
`);

/** Lower-case words that do not break Title Case in a title ("Face the Nation"). */
export const TITLE_SMALL_WORDS = set(`
  a an the and or but nor for of on in at to by with from as vs via up per
`);

/** Words of an adjunct that may stand between a reporting verb and its "that" ("said on Tuesday in a statement that"). */
export const ADJUNCT_WORDS = set(`
  on in at during after before late early this last earlier later again also
  monday tuesday wednesday thursday friday saturday sunday today yesterday
  morning afternoon evening night week a an the his her their its
  interview statement speech remarks press conference briefing news with to reporters
`);

/** Plural or generic subjects that do not name anybody ("news agencies reported"). */
export const GENERIC_SUBJECT_HEADS = set(`
  agencies reports media outlets sources officials analysts experts observers critics people
  witnesses residents reporters journalists diplomats some others many several
`);

/** Lower-case words that may stand inside a role before a name ("foreign minister", "press secretary"). */
export const ROLE_MODIFIERS = set(`
  foreign defence defense former top senior deputy press news prime vice chief state-run state
  military campaign presidential national security general interim acting longtime current
  assistant ranking principal special finance interior health justice trade economy economic
  communications political policy republican democratic international regional local federal
  associate executive managing government opposition party independent outgoing incoming
  elected retired then-president veteran polling legal communications-director senior-most
  majority minority house senate white panel committee city county company team group union
  council board agency network
`);

/** Person roles that end a role phrase before a name ("Secretary General Jens Stoltenberg"). */
export const PERSON_ROLES = set(`
  minister secretary secretary-general general president vice-president ambassador envoy spokesperson spokesman
  spokeswoman official officer senator sen. rep. representative congressman congresswoman governor gov.
  mayor chancellor premier chief leader director chairman chairwoman chair commander diplomat analyst
  adviser advisor aide negotiator strategist economist professor researcher lawyer attorney prosecutor
  judge justice candidate nominee pollster consultant operative founder executive ceo manager surrogate
  critic activist journalist reporter editor columnist writer author historian scientist doctor sheriff
  deputy narrator host anchor commentator correspondent agency head member
  del. delegate mr. mrs. ms. dr. prof. lt. gen. col. maj. capt. sgt. adm. rev. sir dame lord lady king queen prince
  princess pope sheikh emir admiral colonel major captain speaker commissioner inspector superintendent
  pastor bishop cardinal rabbi imam
`);
