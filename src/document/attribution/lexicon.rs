//! Word lists the attribution analysis relies on: speech verbs, honorifics,
//! titles and the words that bound a noun phrase. Kept here so the rules of
//! thumb in the other modules read as logic, not as lists.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{LazyLock, OnceLock};

/// Verbs that introduce a statement. The first group is the neutral one
/// (AP: "said" is neutral) that makes a clause an unambiguous attribution.
pub const NEUTRAL_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "stated", "added", "adds",
];

/// Further verbs that introduce a quotation ("He declared: “…”").
pub const OTHER_SPEECH_VERBS: &[&str] = &[
    "explained", "explains", "continued", "declared", "declares", "insisted", "insists", "claimed",
    "admitted", "admits", "argued", "argues", "warned", "warns", "noted", "wrote", "writes",
    "asked", "asks", "replied", "replies", "responded", "commented", "announced", "suggested",
    "suggests", "acknowledged", "acknowledges", "conceded", "recalled", "recalls", "urged",
    "urges", "predicted", "predicts", "cautioned", "stressed", "stresses", "emphasised",
    "emphasized", "confirmed", "confirms", "denied", "denies", "complained", "complains", "agreed",
    "agrees", "maintained", "maintains", "revealed", "remarked", "joked", "observed", "boasted",
    "boasts", "asserted", "asserts", "contended", "believes", "thinks", "reckons", "reckoned",
    "mused", "quipped", "laughed", "shouted", "pleaded", "vowed", "promised", "concluded",
    "stated", "reported", "described", "describes", "countered", "retorted", "wondered",
    "announces", "told",
];

/// Verbs by which a document states a finding ("…, the committee's report
/// found"). Read as an attribution only closing a sentence whose subject is
/// a document (`DOCUMENT_HEADS`), never "police found a body".
pub static FINDING_VERBS: WordList = WordList::new(&["found", "finds"]);

/// Head nouns of documents that can state a finding.
pub static DOCUMENT_HEADS: WordList = WordList::new(&[
    "report", "reports", "study", "studies", "review", "inquiry", "survey", "audit",
    "investigation", "analysis",
]);

/// Participles that attach a quotation to the sentence's subject
/// ("…, saying: “…”").
pub const PARTICIPLES: &[&str] = &[
    "saying", "adding", "telling", "insisting", "explaining", "arguing", "warning", "noting",
    "declaring", "stating", "claiming", "writing", "asking", "stressing", "concluding",
];

/// Words before a verb that make it no statement of fact: passives
/// ("is said to"), infinitives, modals and negations.
pub static VERB_BLOCKERS: WordList = WordList::new(&[
    "is", "are", "was", "were", "be", "been", "being", "to", "will", "would", "could", "can",
    "may", "might", "should", "must", "not", "never", "did", "does", "do", "didn't", "doesn't",
    "don't", "won't", "wouldn't", "couldn't", "all", "having", "needless", "let's", "shall",
]);

/// Words between a subject and its verb ("Mr Brown has also said").
pub static SUBJECT_VERB_FILLERS: WordList = WordList::new(&[
    "has", "have", "had", "also", "later", "then", "previously", "recently", "earlier",
    "yesterday", "today", "again", "once", "further", "separately", "subsequently", "reportedly",
    "simply", "only", "just", "repeatedly", "publicly", "privately", "now", "often", "always",
    "already", "still", "however",
]);

/// Honorifics: a name follows. Second element: the gender it implies.
pub const HONORIFICS: &[(&str, Gender)] = &[
    ("Mr", Gender::Male),
    ("Mr.", Gender::Male),
    ("Mrs", Gender::Female),
    ("Mrs.", Gender::Female),
    ("Ms", Gender::Female),
    ("Ms.", Gender::Female),
    ("Miss", Gender::Female),
    ("Dr", Gender::Unknown),
    ("Dr.", Gender::Unknown),
    ("Sir", Gender::Male),
    ("Lord", Gender::Male),
    ("Lady", Gender::Female),
    ("Dame", Gender::Female),
    ("Baroness", Gender::Female),
    ("Baron", Gender::Male),
    ("Prof", Gender::Unknown),
    ("Professor", Gender::Unknown),
    ("Rev", Gender::Unknown),
    ("Sheikh", Gender::Male),
    ("King", Gender::Male),
    ("Queen", Gender::Female),
    ("Prince", Gender::Male),
    ("Princess", Gender::Female),
    ("Pope", Gender::Male),
    ("Cardinal", Gender::Male),
    ("Rabbi", Gender::Unknown),
    ("Imam", Gender::Male),
    ("Gen", Gender::Unknown),
    ("General", Gender::Unknown),
    ("Col", Gender::Unknown),
    ("Colonel", Gender::Unknown),
    ("Capt", Gender::Unknown),
    ("Lt", Gender::Unknown),
    ("Sgt", Gender::Unknown),
    ("Insp", Gender::Unknown),
    ("Det", Gender::Unknown),
    ("Supt", Gender::Unknown),
    ("Judge", Gender::Unknown),
    ("Justice", Gender::Unknown),
    ("Senator", Gender::Unknown),
    ("Sen", Gender::Unknown),
    ("Rep", Gender::Unknown),
    ("Governor", Gender::Unknown),
    ("Gov", Gender::Unknown),
    ("Mayor", Gender::Unknown),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// The grammatical gender a name or title implies, for pronoun links.
pub enum Gender {
    /// Mr, he, his; a male first name.
    Male,
    /// Ms, Mrs, she, her; a female first name.
    Female,
    /// Nothing in the text says.
    Unknown,
}

/// Capitalised words that end a title: the office a name follows
/// ("Foreign Minister Ayman Safadi", "Chief Executive Steve Ballmer").
pub static TITLE_HEADS: WordList = WordList::new(&[
    "Minister", "Secretary", "President", "Chancellor", "Chairman", "Chairwoman", "Chairperson",
    "Executive", "Director", "Governor", "Senator", "Mayor", "Premier", "Leader", "Ambassador",
    "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson", "Envoy", "Speaker", "Attorney",
    "Treasurer", "Officer", "Manager", "Coach", "Captain", "Editor", "Prosecutor", "Deputy",
    "Chief", "Vice-President", "Vice-Chairman", "Secretary-General", "Prime", "Head", "Boss",
    "Founder", "Correspondent", "Emir", "Sultan", "Sheikh", "Magistrate", "Judge", "Whip", "Chair",
    "Registrar", "Counsel", "Controller", "Inspector", "Superintendent", "Constable", "Marshal",
    "Admiral", "Commander", "Lieutenant", "Major", "Governor-General", "Presidente", "MP", "MEP",
    "MSP",
]);

/// Title heads that name an office; two different offices for one person
/// are a conflict. ("Spokesman", "Coach" … are roles, not offices.)
pub static OFFICE_HEADS: WordList = WordList::new(&[
    "Minister", "Secretary", "President", "Chancellor", "Chairman", "Chairwoman", "Chairperson",
    "Executive", "Governor", "Premier", "Mayor", "Ambassador", "Commissioner", "Senator",
    "Attorney", "Treasurer", "Speaker", "Secretary-General", "Vice-President", "Director",
]);

/// Lower-case portfolios of a cabinet post ("foreign minister", "home
/// secretary").
pub static PORTFOLIOS: WordList = WordList::new(&[
    "foreign", "home", "defence", "defense", "health", "education", "culture", "transport",
    "environment", "trade", "justice", "interior", "energy", "agriculture", "finance",
]);

/// Lower-case words that make one role with the role noun after them
/// ("chief executive", "finance director", "sporting director").
pub static ROLE_QUALIFIERS: WordList = WordList::new(&[
    "chief", "finance", "financial", "managing", "marketing", "sporting", "commercial",
    "operating", "technical", "general", "executive", "non-executive", "creative", "editorial",
    "football", "communications", "sales", "research", "programme", "artistic", "musical",
]);

/// Lower-case role nouns before a name ("US envoy Tom Barrack", "HMV
/// spokesman Gennaro Castaldo").
pub static ROLE_NOUNS: WordList = WordList::new(&[
    "envoy", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president",
    "chancellor", "chairman", "chairwoman", "chief", "executive", "director", "manager", "coach",
    "striker", "midfielder", "defender", "goalkeeper", "captain", "player", "analyst", "economist",
    "correspondent", "editor", "reporter", "leader", "boss", "head", "founder", "official",
    "lawyer", "attorney", "prosecutor", "judge", "magistrate", "singer", "actor", "actress",
    "star", "rapper", "guitarist", "drummer", "director", "producer", "writer", "author",
    "novelist", "presenter", "host", "comedian", "chairman", "governor", "mayor", "senator",
    "ambassador", "commissioner", "adviser", "advisor", "aide", "colleague", "partner", "veteran",
    "winger", "fly-half", "scrum-half", "full-back", "centre", "lock", "prop", "hooker", "flanker",
    "champion", "trainer", "jockey", "owner", "investor", "founder", "professor", "researcher",
    "scientist", "expert", "consultant", "designer", "developer", "critic", "campaigner",
    "activist", "spokesmen", "officer", "inspector", "deputy", "mp", "candidate", "councillor",
    "member", "pilot", "spokesperson", "whip", "negotiator", "vice-president", "vice-chairman",
]);

/// Lower-case modifiers of a title that say the title is past.
pub const PAST_MODIFIERS: &[&str] = &[
    "former", "ex", "then", "outgoing", "erstwhile", "previous", "retiring", "late", "one-time",
    "onetime", "then-", "retired", "sacked", "ousted", "departing",
];

/// Lower-case modifiers that say the title is new.
pub const NEW_MODIFIERS: &[&str] = &["new", "newly", "incoming", "now", "newly-appointed"];

/// Words that begin a noun phrase (the phrase stops at them, walking left).
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
];

/// Words that can never be inside a source noun phrase: clause links,
/// prepositions of time and place, common verbs.
pub static NP_BREAKERS: WordList = WordList::new(&[
    "that", "and", "but", "or", "because", "when", "while", "if", "as", "after", "before", "since",
    "which", "who", "whom", "where", "than", "so", "then", "also", "in", "on", "into", "by",
    "with", "without", "to", "about", "over", "under", "during", "has", "have", "had", "is", "are",
    "was", "were", "be", "been", "not", "it", "he", "she", "they", "we", "i", "you", "there",
    "here", "what", "how", "why", "even", "though", "although", "until", "unless", "whether",
    "said", "says", "told", "added", "would", "will", "could", "can", "may", "might", "should",
    "must", "did", "does", "do", "just", "only", "still", "now", "however", "meanwhile", "instead",
    "yet", "nor", "per", "via", "against", "between", "among", "through", "across", "around",
    "toward", "towards", "upon", "within", "like", "unlike", "despite", "following", "including",
    "reported", "quoted", "according",
]);

/// Pronouns that can be the subject of a speech verb, with their gender.
pub const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("she", Gender::Female),
    ("they", Gender::Unknown),
    ("it", Gender::Unknown),
    ("i", Gender::Unknown),
    ("we", Gender::Unknown),
];

/// Capitalised words that start sentences or name dates, never people.
pub static NOT_NAMES: WordList = WordList::new(&[
    "The", "A", "An", "But", "And", "Or", "In", "On", "At", "For", "If", "When", "While", "As",
    "After", "Before", "Since", "Even", "Also", "So", "Yet", "This", "That", "These", "Those",
    "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Its", "Our", "My", "Your",
    "Meanwhile", "However", "Instead", "Following", "Despite", "Under", "With", "Without",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "There", "Here", "What", "Who", "Why", "How", "Where", "Which", "Some",
    "Many", "Most", "Other", "Others", "Both", "All", "Any", "Each", "Every", "No", "Not", "Now",
    "Then", "Today", "Yesterday", "Tomorrow", "Last", "Next", "One", "Two", "Three", "Four",
    "Five", "From", "To", "By", "Of", "Over", "About", "Asked", "According", "Speaking", "Writing",
    "Although", "Though", "Because", "Until", "Unless", "Whether", "Like",
    "Only", "Just", "Still", "Already", "Why", "Yes", "Well", "Do", "Does", "Did", "Is", "Are",
    "Was", "Were", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "Must", "May",
    "Might", "Let", "Christmas", "Easter", "New", "Former", "Ex", "Our", "Such", "Much", "More",
    "Less", "Another", "First", "Second", "Third", "Earlier", "Later", "Almost", "Nearly",
    "Around", "Among", "Between", "Through", "Into", "Out", "Up", "Down", "Off", "Again", "Once",
    "Never", "Always", "Often", "Sometimes", "Perhaps", "Maybe", "Indeed", "Instead", "Elsewhere",
    "Overall", "Together", "Please", "Thanks", "Thank", "Oh", "OK", "Ok",
]);

/// Name particles written in lower case inside a name ("Mark van Bommel").
pub static PARTICLES: WordList = WordList::new(&[
    "al", "bin", "ibn", "abu", "de", "da", "di", "del", "della", "dos", "das", "du", "van", "von",
    "der", "den", "la", "le", "el", "ben", "bint", "ter", "y", "st",
]);

/// Words at the end of a capitalised run that make it an organisation.
pub static ORGANISATION_HEADS: WordList = WordList::new(&[
    "TV", "Agency", "Party", "Bank", "Group", "Council", "Corporation", "Association", "Union",
    "Commission", "Committee", "Court", "Office", "Department", "Ministry", "Police", "Authority",
    "Board", "Institute", "University", "College", "School", "Club", "United", "City", "FC", "Ltd",
    "plc", "Inc", "Corp", "News", "Times", "Post", "Journal", "Radio", "Channel", "Network",
    "Foundation", "Trust", "Society", "Federation", "League", "Organisation", "Organization",
    "Service", "Services", "Company", "Airlines", "Airways", "Motors", "Records", "Studios",
    "Pictures", "Press", "Telegraph", "Guardian", "Herald", "Chronicle", "Express", "Mail",
    "Mirror", "Parliament", "Assembly", "Congress", "Senate", "Government", "Executive", "Centre",
    "Center", "Fund", "Exchange", "Reserve", "Treasury", "Forces", "Army", "Navy", "Rovers",
    "Wanderers", "Athletic", "Town", "County", "Hotspur", "Albion", "Villa", "Industries",
    "Holdings", "Systems", "Technologies", "Entertainment", "Media", "Games", "Software",
    "Electronics", "Communications", "Telecom", "Energy", "Oil", "Steel", "Motors",
]);

pub fn is_neutral_verb(word: &str) -> bool {
    NEUTRAL_VERBS.contains(&word)
}

// The lists asked about for nearly every word of every draft, as hash
// sets built on first use: scanning a list of a hundred words per word
// was a hot spot of the whole linter.
static SPEECH_VERBS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| set_of(&[NEUTRAL_VERBS, OTHER_SPEECH_VERBS]));
static HONORIFIC_GENDERS: LazyLock<HashMap<&str, Gender>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (word, gender) in HONORIFICS {
        // The first entry wins, as a search of the list would find it.
        map.entry(*word).or_insert(*gender);
    }
    map
});
static TITLE_HEADS_AND_NOT_NAMES: LazyLock<HashSet<&str>> =
    LazyLock::new(|| set_of(&[TITLE_HEADS.words(), NOT_NAMES.words()]));
static ROLE_NOUN_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set_of(&[ROLE_NOUNS.words()]));
static PARTICIPLE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set_of(&[PARTICIPLES]));

/// A word list asked about with `contains`, as the slice's method would
/// answer, from a hash set built on first use: some lists have a hundred
/// words and are asked about for every capitalised word.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> Self {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(*word)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

fn set_of(lists: &[&[&'static str]]) -> HashSet<&'static str> {
    lists.iter().flat_map(|list| list.iter().copied()).collect()
}

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

pub fn honorific_gender(word: &str) -> Option<Gender> {
    HONORIFIC_GENDERS.get(word).copied()
}

/// In `TITLE_HEADS` or `NOT_NAMES`.
pub fn is_title_head_or_not_name(word: &str) -> bool {
    TITLE_HEADS_AND_NOT_NAMES.contains(word)
}

/// In `ROLE_NOUNS` (lower case).
pub fn is_role_noun(lower: &str) -> bool {
    ROLE_NOUN_SET.contains(lower)
}

/// In `PARTICIPLES` (lower case).
pub fn is_participle(lower: &str) -> bool {
    PARTICIPLE_SET.contains(lower)
}

pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    PRONOUNS.iter().find(|(p, _)| *p == lower).map(|(_, g)| *g)
}

/// Party words that stand before a name like a title ("Tory David Davis").
pub const PARTY_WORDS: &[&str] = &[
    "Tory", "Labour", "Conservative", "Liberal", "Democrat", "Republican", "Tories",
];
