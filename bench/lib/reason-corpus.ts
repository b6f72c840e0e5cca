// A generated corpus of labelled complaints in English and Dutch (issue 21, docs/reason-suggestion.md),
// for measuring the contact-reason suggester: realistic customer-service texts per reason of the
// complaint template, from seeded randomness (the same seed, the same corpus). Phrases are written as
// templates with alternatives ({a|b|c}, nested allowed) and slots ([amount], [order], [product],
// [date], [name]); on top: typos, a sentence in the other language now and then, filler that says
// nothing about the reason, texts that touch two reasons (labelled with one of them), vague texts
// labelled `other`, and a few labels an agent chose differently. So the accuracy is honest, not 100 %.
import { seededRandom } from './complaint-history.ts';

export type CorpusLanguage = 'en' | 'nl';
export const CORPUS_REASONS = ['billing', 'delivery', 'product-quality', 'service', 'staff-behaviour', 'privacy', 'other'] as const;
export type CorpusReason = (typeof CORPUS_REASONS)[number];

export interface CorpusCase {
  language: CorpusLanguage;
  subject: string;
  description: string;
  reason: CorpusReason;
  /** Whether the text touches a second reason too (labelled with the first). */
  ambiguous: boolean;
}

interface Phrases {
  subjects: string[];
  sentences: string[];
}

const EN: Record<Exclude<CorpusReason, 'other'>, Phrases> = {
  billing: {
    subjects: ['{Charged|Billed} twice', 'Wrong amount on {my|the} invoice', 'Invoice [order] is {wrong|incorrect}', 'Refund {still not received|missing}', 'Double {payment|debit}', 'Question about my {bill|invoice}', '{Overcharged|Too much charged}'],
    sentences: [
      'I was {charged|billed} {twice|two times|double} for {invoice|my order|the subscription} [order].',
      'My bank statement shows two {debits|payments|withdrawals} of EUR [amount].',
      'The invoice says EUR [amount] but the {price|offer} on your website was {lower|different}.',
      'I {cancelled|terminated} my subscription {in|on} [date] and you still {charge|bill|debit} me every month.',
      'I am still waiting for the refund of EUR [amount] you {promised|confirmed} on [date].',
      'There is a {charge|fee|cost} on my {invoice|bill} that I {do not recognise|never agreed to}.',
      'Your direct debit took the money {twice|two times} this month.',
      'The {VAT|tax} on the invoice is {wrong|calculated incorrectly}.',
      'I paid the {invoice|bill} already but I {got|received} a {reminder|payment reminder} with a {late fee|collection fee}.',
      'Please {credit|refund} the {wrong|extra} amount to my {account|bank account}.',
      'The discount code was not {applied|deducted} on my {invoice|payment}.',
    ],
  },
  delivery: {
    subjects: ['{Parcel|Package|Order} not {delivered|arrived}', 'Where is my {order|parcel}?', 'Late delivery of [order]', '{Parcel|Package} lost', 'Delivered to the wrong address', 'Track and trace {not working|shows nothing}'],
    sentences: [
      'My {order|parcel|package} [order] has not {arrived|been delivered} {yet|after two weeks}.',
      'The track and trace {says|shows} delivered but I {never received|did not get} {anything|the parcel}.',
      'The {courier|delivery driver|postman} left the {parcel|package} at the wrong {address|door|neighbour}.',
      'The delivery was {promised|planned} for [date] and nothing {came|happened}.',
      'I {stayed home|waited} all day for the {delivery|courier} and nobody {showed up|came}.',
      'The {box|parcel} was {damaged|crushed|open} when it {arrived|was delivered}.',
      'Only {part|half} of my order was {delivered|in the box}, [product] is missing.',
      'The {shipment|delivery} is {delayed|late} {again|for the third time}.',
      'The {parcel|package} was sent back to the {warehouse|sender} without {any|a} {notice|attempt}.',
    ],
  },
  'product-quality': {
    subjects: ['[product] {broken|defective}', 'Poor quality of [product]', '[product] stopped working', 'Defective {item|product}', '{Faulty|Broken} [product] after {a week|two weeks}'],
    sentences: [
      'The [product] I bought {stopped working|broke down|died} after {a week|two weeks|a few days}.',
      'The [product] {started smoking|makes a strange noise|gets very hot} {on first use|when I switch it on}.',
      'The {quality|material} of the [product] is {very poor|terrible|much worse than expected}.',
      'The [product] {arrived|came} {broken|cracked|with a scratch|with a defect}.',
      'The {battery|display|screen|button} of the [product] {does not work|is defective|broke}.',
      'The [product] {leaks|is leaking} {water|oil} {everywhere|after one use}.',
      'The [product] does not {match|look like} the {description|pictures} on the website.',
      'The {seam|zipper|handle} of the [product] {tore|broke|came off} the first time I used it.',
      'I want a {replacement|new one|repair} under {warranty|guarantee} for the {defective|broken} [product].',
    ],
  },
  service: {
    subjects: ['No {answer|reply} to my {emails|questions}', 'Long waiting time on the phone', 'Nobody {calls|gets} back', 'Bad customer service', '{Promise|Appointment} not kept'],
    sentences: [
      'I {sent|wrote} {three|several|four} {emails|messages} and {never got|did not receive} an answer.',
      'I waited {45 minutes|an hour|forever} on the phone and then the {line|call} was {cut off|disconnected}.',
      'You {promised|said you would} to call me back {within a day|the same day} and nobody {did|called}.',
      'Every {employee|person|agent} I {speak|talk} to tells me something {different|else}.',
      'The {chat|helpdesk|customer service} {closed|ended} my question without {solving|answering} it.',
      'The {technician|mechanic|engineer} did not {show up|come} for the {appointment|visit} on [date].',
      'I have to explain my {problem|question|case} again every time I {call|contact you}.',
      'Your {form|website|app} {does not work|gives an error} when I try to {contact you|ask a question}.',
      'It has taken {weeks|a month|far too long} and my {question|request} is still not {handled|solved}.',
    ],
  },
  'staff-behaviour': {
    subjects: ['{Rude|Unfriendly} {employee|staff|driver}', 'Complaint about {an employee|your staff|the driver}', '{Driver|Employee} threatened me', 'Treated {badly|disrespectfully}'],
    sentences: [
      'The {employee|agent|lady|man} on the phone was {rude|very rude|unfriendly|arrogant} to me.',
      'The {driver|courier} {shouted|yelled|swore} at me {when I asked him to wait|at the door}.',
      'Your {staff member|employee|colleague} in the store {laughed at me|ignored me|insulted me}.',
      'The {technician|mechanic} {was rude|behaved disrespectfully|was aggressive} {in my house|to my wife}.',
      'I was {treated|spoken to} like a {criminal|child|liar} by {your employee|the cashier|the manager}.',
      'The {agent|employee} {hung up on me|put the phone down} {in the middle of|during} the conversation.',
      'The {driver|courier} threw the {parcel|package} over the fence and {drove off|made a rude gesture}.',
      'Your {colleague|employee} {made|was making} {discriminating|offensive|sexist} remarks.',
    ],
  },
  privacy: {
    subjects: ['My {data|personal data} {shared|leaked}', 'Privacy complaint', 'Received someone else\'s {data|invoice}', 'Stop {emailing|calling} me', 'Request to delete my data'],
    sentences: [
      'I {received|got} an {email|invoice|letter} with the {personal data|address|details} of {another customer|someone else}.',
      'You {shared|sold|passed on} my {email address|phone number|data} to {other companies|third parties} without my {consent|permission}.',
      'I {unsubscribed|opted out} {months ago|twice} and I still {get|receive} your {newsletters|marketing emails|calls}.',
      'I want to know {which|what} {personal data|information} you {keep|store|have} about me (GDPR).',
      'Please {delete|erase|remove} {all|my} {personal data|account and data} {now|immediately} under the GDPR.',
      'My {password|account|data} {was|seems to be} {leaked|hacked|visible} {on your website|to others}.',
      'Your {employee|agent} {discussed|told} my {account|details} {with|to} my {neighbour|ex-partner} without {permission|asking me}.',
    ],
  },
};

const NL: Record<Exclude<CorpusReason, 'other'>, Phrases> = {
  billing: {
    subjects: ['{Dubbel|Twee keer} {afgeschreven|betaald}', 'Verkeerd bedrag op {de|mijn} factuur', 'Factuur [order] {klopt niet|is onjuist}', 'Terugbetaling {nog niet ontvangen|ontbreekt}', 'Vraag over mijn {rekening|factuur}', 'Te veel {betaald|gerekend}'],
    sentences: [
      'Er is {twee keer|dubbel} {afgeschreven|betaald} voor {factuur|bestelling|het abonnement} [order].',
      'Op mijn {bankafschrift|rekeningafschrift} staan twee {afschrijvingen|betalingen} van EUR [amount].',
      'Op de factuur staat EUR [amount] maar de {prijs|aanbieding} op uw website was {lager|anders}.',
      'Ik heb mijn abonnement {opgezegd|beeindigd} {op|per} [date] en u {schrijft|incasseert} nog steeds elke maand {af|geld}.',
      'Ik wacht nog steeds op de {terugbetaling|restitutie} van EUR [amount] die u op [date] {beloofde|toezegde}.',
      'Er staan {kosten|een bedrag} op mijn {factuur|rekening} die ik niet {herken|heb afgesproken}.',
      'De automatische incasso is deze maand {twee keer|dubbel} {afgeschreven|uitgevoerd}.',
      'De {btw|belasting} op de factuur is {verkeerd|onjuist} berekend.',
      'Ik heb de {factuur|rekening} al betaald maar {kreeg|ontving} een {herinnering|aanmaning} met {incassokosten|extra kosten}.',
      'Wilt u het {teveel betaalde|verkeerde} bedrag {terugstorten|crediteren} op mijn rekening?',
      'De kortingscode is niet {verrekend|toegepast} op mijn {factuur|betaling}.',
    ],
  },
  delivery: {
    subjects: ['{Pakket|Bestelling} niet {bezorgd|aangekomen}', 'Waar blijft mijn {bestelling|pakket}?', 'Late levering van [order]', 'Pakket kwijt', 'Op het verkeerde adres bezorgd', 'Track en trace {werkt niet|toont niets}'],
    sentences: [
      'Mijn {bestelling|pakket} [order] is {nog steeds niet|na twee weken niet} {aangekomen|bezorgd|geleverd}.',
      'Volgens de track en trace is het {bezorgd|afgeleverd} maar ik heb {niets|het pakket niet} ontvangen.',
      'De {bezorger|koerier|postbode} heeft het pakket bij {de verkeerde buren|het verkeerde adres} {afgeleverd|achtergelaten}.',
      'De levering was {beloofd|gepland} voor [date] en er kwam {niemand|niets}.',
      'Ik ben de hele dag thuis gebleven voor de {bezorging|levering} en er kwam niemand.',
      'De {doos|verpakking} was {beschadigd|kapot|open} toen het pakket {aankwam|werd bezorgd}.',
      'Maar een deel van mijn bestelling is {geleverd|bezorgd}, [product] {ontbreekt|zit er niet bij}.',
      'De {verzending|levering|bezorging} is {opnieuw|alweer|voor de derde keer} vertraagd.',
      'Het pakket is zonder {bericht|melding} teruggestuurd naar het {magazijn|distributiecentrum}.',
    ],
  },
  'product-quality': {
    subjects: ['[product] {kapot|defect}', 'Slechte kwaliteit van [product]', '[product] werkt niet meer', 'Defect {artikel|product}', '[product] na {een week|twee weken} stuk'],
    sentences: [
      'De [product] die ik kocht {werkt niet meer|is kapotgegaan|doet het niet meer} na {een week|twee weken|een paar dagen}.',
      'De [product] {begon te roken|maakt een raar geluid|wordt heel heet} {bij het eerste gebruik|als ik hem aanzet}.',
      'De {kwaliteit|afwerking} van de [product] is {erg slecht|waardeloos|veel slechter dan verwacht}.',
      'De [product] {kwam|werd} {kapot|gebarsten|met een kras|met een defect} {aan|geleverd}.',
      'De {accu|batterij|display|knop} van de [product] {werkt niet|is defect|is kapot}.',
      'De [product] {lekt|loopt lek} {water|olie} {overal|na een keer gebruiken}.',
      'De [product] lijkt niet op de {omschrijving|foto|beschrijving} op de website.',
      'De {naad|rits|hengsel} van de [product] {scheurde|brak|ging los} bij het eerste gebruik.',
      'Ik wil {een vervangend exemplaar|een nieuwe|reparatie} onder {garantie|de garantie} voor de {defecte|kapotte} [product].',
    ],
  },
  service: {
    subjects: ['Geen {antwoord|reactie} op mijn {mails|vragen}', 'Lange wachttijd aan de telefoon', 'Niemand belt terug', 'Slechte klantenservice', '{Afspraak|Belofte} niet nagekomen'],
    sentences: [
      'Ik heb {drie|meerdere|vier} {mails|berichten} gestuurd en {nooit|geen} antwoord {gekregen|ontvangen}.',
      'Ik heb {45 minuten|een uur|eindeloos} in de wacht gestaan en toen werd de {verbinding|lijn} verbroken.',
      'U {beloofde|zou} mij {binnen een dag|dezelfde dag} terug te bellen en {niemand|er werd niet} {belde|gebeld}.',
      'Elke {medewerker|persoon} die ik spreek vertelt {iets anders|een ander verhaal}.',
      'De {chat|helpdesk|klantenservice} heeft mijn vraag {gesloten|afgesloten} zonder {antwoord|oplossing}.',
      'De {monteur|technicus} is niet {gekomen|verschenen} voor de afspraak op [date].',
      'Ik moet mijn {probleem|vraag|verhaal} elke keer opnieuw uitleggen als ik {bel|contact opneem}.',
      'Uw {formulier|website|app} {werkt niet|geeft een foutmelding} als ik {contact wil opnemen|een vraag wil stellen}.',
      'Het duurt al {weken|een maand|veel te lang} en mijn {vraag|verzoek} is nog steeds niet {afgehandeld|opgelost}.',
    ],
  },
  'staff-behaviour': {
    subjects: ['{Onbeschofte|Onvriendelijke} {medewerker|bezorger|chauffeur}', 'Klacht over {een medewerker|uw personeel|de bezorger}', '{Bezorger|Medewerker} bedreigde mij', '{Slecht|Respectloos} behandeld'],
    sentences: [
      'De {medewerker|mevrouw|meneer} aan de telefoon was {onbeschoft|erg onvriendelijk|brutaal|arrogant} tegen mij.',
      'De {bezorger|chauffeur|koerier} {schreeuwde|vloekte|tierde} tegen mij {toen ik vroeg te wachten|aan de deur}.',
      'Uw {medewerker|personeelslid|collega} in de winkel {lachte mij uit|negeerde mij|beledigde mij}.',
      'De {monteur|technicus} {was onbeschoft|gedroeg zich respectloos|was agressief} {in mijn huis|tegen mijn vrouw}.',
      'Ik werd {behandeld|toegesproken} als een {crimineel|kind|leugenaar} door {uw medewerker|de caissiere|de manager}.',
      'De medewerker {hing zomaar op|verbrak de verbinding} {midden in|tijdens} het gesprek.',
      'De {bezorger|koerier} gooide het pakket over het hek en {reed weg|maakte een grof gebaar}.',
      'Uw {medewerker|collega} maakte {discriminerende|beledigende|seksistische} opmerkingen.',
    ],
  },
  privacy: {
    subjects: ['Mijn {gegevens|persoonsgegevens} {gedeeld|gelekt}', 'Klacht over privacy', 'Gegevens van iemand anders ontvangen', 'Stop met {mailen|bellen}', 'Verzoek om mijn gegevens te verwijderen'],
    sentences: [
      'Ik {ontving|kreeg} een {mail|factuur|brief} met de {persoonsgegevens|adresgegevens|gegevens} van {een andere klant|iemand anders}.',
      'U heeft mijn {e-mailadres|telefoonnummer|gegevens} zonder {toestemming|mijn toestemming} {gedeeld|verkocht|doorgegeven} aan {andere bedrijven|derden}.',
      'Ik heb mij {maanden geleden|twee keer} afgemeld en {krijg|ontvang} nog steeds uw {nieuwsbrieven|reclame|telefoontjes}.',
      'Ik wil weten {welke|wat voor} {persoonsgegevens|informatie} u over mij {bewaart|heeft|opslaat} (AVG).',
      'Verwijder {al mijn|mijn} {persoonsgegevens|account en gegevens} {nu|direct} op grond van de AVG.',
      'Mijn {wachtwoord|account|gegevens} {is|lijkt} {gelekt|gehackt|zichtbaar} {op uw website|voor anderen}.',
      'Uw medewerker heeft mijn {gegevens|account} {besproken met|verteld aan} mijn {buurman|ex-partner} zonder toestemming.',
    ],
  },
};

/** Texts that name no reason clearly: the agent files them under `other`. */
const VAGUE: Record<CorpusLanguage, Phrases> = {
  en: {
    subjects: ['Complaint', 'Not happy', 'Question', '{Very|Really} disappointed', 'About my {account|experience}', 'Your {company|shop}'],
    sentences: [
      'I am {very|really|deeply} {disappointed|unhappy} with your {company|shop|organisation}.',
      'This is {not|really not} {acceptable|okay} and I {expect|want} {an answer|a solution}.',
      'Your {opening hours|parking|new logo|store layout} {are|is} {terrible|confusing|not convenient}.',
      'I {do not agree|disagree} with your new {terms and conditions|policy|loyalty programme}.',
      'The {music|temperature|lighting} in the {store|shop} was {too loud|unpleasant|awful}.',
      'I would like to {file|submit} a {formal complaint|complaint} about {my experience|what happened}.',
    ],
  },
  nl: {
    subjects: ['Klacht', 'Niet tevreden', 'Vraag', '{Erg|Zeer} teleurgesteld', 'Over mijn {account|ervaring}', 'Uw {bedrijf|winkel}'],
    sentences: [
      'Ik ben {erg|zeer|ontzettend} {teleurgesteld|ontevreden} over uw {bedrijf|winkel|organisatie}.',
      'Dit is {niet|echt niet} {acceptabel|in orde} en ik {verwacht|wil} {een antwoord|een oplossing}.',
      'Uw {openingstijden|parkeerplaats|nieuwe logo|winkelindeling} {zijn|is} {slecht|verwarrend|niet handig}.',
      'Ik ben het niet eens met uw nieuwe {voorwaarden|beleid|spaarprogramma}.',
      'De {muziek|temperatuur|verlichting} in de winkel was {te hard|onprettig|vreselijk}.',
      'Ik wil een {formele klacht|klacht} indienen over {mijn ervaring|wat er gebeurd is}.',
    ],
  },
};

/** Sentences that say nothing about the reason (openings, context, closings). */
const FILLER: Record<CorpusLanguage, string[]> = {
  en: [
    '{Hello|Hi|Dear Sir or Madam|Good morning},', 'I am a customer {for years|since [date]|of yours}.', 'My customer number is C-[amount].',
    '{Please|Kindly} {help me|look into this|sort this out} {as soon as possible|quickly|today}.', 'I {hope|trust} you can {solve|fix} this.',
    '{Regards|Kind regards|Best regards|Thanks}, [name]', 'This {happened|started} {last week|on [date]|yesterday}.', 'I attached a {photo|screenshot|copy}.',
    'It is {really|very} {annoying|frustrating|disappointing}.', 'I {expect|want} {compensation|an answer|a solution} {soon|within a week}.',
  ],
  nl: [
    '{Goedendag|Hallo|Geachte heer/mevrouw|Beste klantenservice},', 'Ik ben al {jaren|sinds [date]} klant bij u.', 'Mijn klantnummer is C-[amount].',
    'Wilt u dit {zo snel mogelijk|vandaag|snel} {oplossen|bekijken|regelen}?', 'Ik hoop dat u dit kunt {oplossen|rechtzetten}.',
    '{Met vriendelijke groet|Groet|Groetjes|Mvg}, [name]', 'Dit {gebeurde|begon} {vorige week|op [date]|gisteren}.', 'Ik heb een {foto|screenshot|kopie} bijgevoegd.',
    'Het is {echt|erg} {vervelend|frustrerend|teleurstellend}.', 'Ik {verwacht|wil} {een vergoeding|een antwoord|een oplossing} {snel|binnen een week}.',
  ],
};

const PRODUCTS: Record<CorpusLanguage, string[]> = {
  en: ['kettle', 'vacuum cleaner', 'washing machine', 'jacket', 'phone', 'coffee machine', 'lamp', 'bike', 'sofa', 'headphones'],
  nl: ['waterkoker', 'stofzuiger', 'wasmachine', 'jas', 'telefoon', 'koffiemachine', 'lamp', 'fiets', 'bank', 'koptelefoon'],
};
const NAMES = ['Ann de Vries', 'Jan Jansen', 'Piet Bakker', 'Sara Smit', 'Tom Visser', 'Emma Mulder', 'Noah de Boer', 'Lisa Peters', 'John Smith', 'Mary Brown'];

export interface CorpusOptions {
  /** Cases to make (default 2,500). */
  size?: number;
  seed?: number;
  /** Share of Dutch texts (default 0.5). */
  dutch?: number;
}

/** The corpus: `size` labelled complaints, reasons spread as a contact centre sees them (billing and delivery most). */
export function reasonCorpus(options: CorpusOptions = {}): CorpusCase[] {
  const size = options.size ?? 2500;
  const random = seededRandom(options.seed ?? 21);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weights: [CorpusReason, number][] = [
    ['billing', 24], ['delivery', 24], ['product-quality', 16], ['service', 14], ['staff-behaviour', 7], ['privacy', 6], ['other', 9],
  ];
  const totalWeight = weights.reduce((a, [, w]) => a + w, 0);
  const pickReason = (): CorpusReason => {
    let r = random() * totalWeight;
    for (const [reason, w] of weights) if ((r -= w) < 0) return reason;
    return 'other';
  };
  const expand = (template: string, language: CorpusLanguage): string => {
    let text = template;
    // innermost alternatives first, so they may nest
    for (let guard = 0; guard < 20 && text.includes('{'); guard++) text = text.replace(/\{([^{}]*)\}/g, (_, alts: string) => pick(alts.split('|')));
    return text
      .replace(/\[amount\]/g, () => `${String(10 + Math.floor(random() * 490))},${String(Math.floor(random() * 90) + 10)}`)
      .replace(/\[order\]/g, () => `ORD-${String(100000 + Math.floor(random() * 899999))}`)
      .replace(/\[product\]/g, () => pick(PRODUCTS[language]))
      .replace(/\[date\]/g, () => `${String(1 + Math.floor(random() * 28))}-${String(1 + Math.floor(random() * 12))}-2026`)
      .replace(/\[name\]/g, () => pick(NAMES));
  };
  const typos = (text: string): string =>
    text.replace(/\p{L}{4,}/gu, (word) => {
      if (random() >= 0.04) return word;
      const at = 1 + Math.floor(random() * (word.length - 2));
      return random() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    });
  const phrasesOf = (reason: CorpusReason, language: CorpusLanguage): Phrases =>
    reason === 'other' ? VAGUE[language] : (language === 'en' ? EN : NL)[reason];

  const cases: CorpusCase[] = [];
  for (let i = 0; i < size; i++) {
    const language: CorpusLanguage = random() < (options.dutch ?? 0.5) ? 'nl' : 'en';
    const other: CorpusLanguage = language === 'en' ? 'nl' : 'en';
    const reason = pickReason();
    const own = phrasesOf(reason, language);
    const sentences: string[] = [];
    if (random() < 0.6) sentences.push(pick(FILLER[language]));
    const core = 1 + Math.floor(random() * 2);
    for (let k = 0; k < core; k++) sentences.push(pick(own.sentences));
    // a sentence about another reason (the agent still files it under the first)
    const ambiguous = random() < 0.12;
    if (ambiguous) {
      const second = pick(CORPUS_REASONS.filter((r) => r !== reason));
      sentences.push(pick(phrasesOf(second, language).sentences));
    }
    // a sentence in the other language (a Dutch customer writing some English, and the other way round)
    if (random() < 0.1) sentences.push(pick(phrasesOf(reason, other).sentences));
    if (random() < 0.5) sentences.push(pick(FILLER[language]));
    if (random() < 0.4) sentences.push(pick(FILLER[language]));
    // the subject: of its reason, sometimes just a vague one
    const subject = typos(expand(random() < 0.8 ? pick(own.subjects) : pick(VAGUE[language].subjects), language));
    const description = typos(sentences.map((s) => expand(s, language)).join(' '));
    // an agent who chose another reason than the text says (people disagree on a few)
    const label = random() < 0.03 ? pick(CORPUS_REASONS) : reason;
    cases.push({ language, subject, description, reason: label, ambiguous });
  }
  return cases;
}
