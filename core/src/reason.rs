//! Why stored or imported text could not be read (or written), as data: a
//! [`Why`] (one text key each, `why.*` in the language files) with its
//! parameters, and optionally the item it is about. The shell puts a
//! [`Reason`] into words in the person's language with [`Reason::words`];
//! core never builds an English sentence for a person to read.

use crate::i18n::fill;

/// Every kind of reason; `key()` names its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    // The text itself.
    Json,
    Eof,
    Deep,
    Duplicate,
    Type,
    NoVersion,
    VersionZero,
    NoData,
    // A sealed (encrypted) envelope.
    Alg,
    Kdf,
    Incomplete,
    SealedFile,
    // One item of the data ({item}).
    IdLength,
    Twice,
    AnswerCount,
    OffScale,
    UnknownQuestion,
    LongNote,
    DateRange,
    UnknownValue,
    BadDue,
    OwnText,
    Invalid,
    BadAudit,
    OutOfTime,
    Unanswered,
    // Writing.
    NoBackup,
    NoCode,
    Encrypt,
    ReadBack,
    // An import file ({item}: what is wrong inside it).
    FileTooLarge,
    FileEmpty,
    NotBackup,
    FileTooNew,
    BadContent,
    // Naming an item: the {item} of another reason.
    CheckIn,
    PlanStep,
    LedgerEntry,
    TheAudit,
}

impl Why {
    pub const ALL: [Why; 39] = [
        Why::Json,
        Why::Eof,
        Why::Deep,
        Why::Duplicate,
        Why::Type,
        Why::NoVersion,
        Why::VersionZero,
        Why::NoData,
        Why::Alg,
        Why::Kdf,
        Why::Incomplete,
        Why::SealedFile,
        Why::IdLength,
        Why::Twice,
        Why::AnswerCount,
        Why::OffScale,
        Why::UnknownQuestion,
        Why::LongNote,
        Why::DateRange,
        Why::UnknownValue,
        Why::BadDue,
        Why::OwnText,
        Why::Invalid,
        Why::BadAudit,
        Why::OutOfTime,
        Why::Unanswered,
        Why::NoBackup,
        Why::NoCode,
        Why::Encrypt,
        Why::ReadBack,
        Why::FileTooLarge,
        Why::FileEmpty,
        Why::NotBackup,
        Why::FileTooNew,
        Why::BadContent,
        Why::CheckIn,
        Why::PlanStep,
        Why::LedgerEntry,
        Why::TheAudit,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Why::Json => "why.json",
            Why::Eof => "why.eof",
            Why::Deep => "why.deep",
            Why::Duplicate => "why.duplicate",
            Why::Type => "why.type",
            Why::NoVersion => "why.noversion",
            Why::VersionZero => "why.version0",
            Why::NoData => "why.nodata",
            Why::Alg => "why.alg",
            Why::Kdf => "why.kdf",
            Why::Incomplete => "why.incomplete",
            Why::SealedFile => "why.sealedfile",
            Why::IdLength => "why.idlength",
            Why::Twice => "why.twice",
            Why::AnswerCount => "why.answercount",
            Why::OffScale => "why.offscale",
            Why::UnknownQuestion => "why.question",
            Why::LongNote => "why.longnote",
            Why::DateRange => "why.daterange",
            Why::UnknownValue => "why.value",
            Why::BadDue => "why.due",
            Why::OwnText => "why.owntext",
            Why::Invalid => "why.invalid",
            Why::BadAudit => "why.audit",
            Why::OutOfTime => "why.time",
            Why::Unanswered => "why.unanswered",
            Why::NoBackup => "why.nobackup",
            Why::NoCode => "why.nocode",
            Why::Encrypt => "why.encrypt",
            Why::ReadBack => "why.readback",
            Why::FileTooLarge => "why.file.toolarge",
            Why::FileEmpty => "why.file.empty",
            Why::NotBackup => "why.file.notbackup",
            Why::FileTooNew => "why.file.toonew",
            Why::BadContent => "why.file.invalid",
            Why::CheckIn => "why.item.checkin",
            Why::PlanStep => "why.item.plan",
            Why::LedgerEntry => "why.item.ledger",
            Why::TheAudit => "why.item.audit",
        }
    }
}

/// A reason with its parameters; `item`, when there is one, fills the
/// text's `{item}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub why: Why,
    pub args: Vec<(&'static str, String)>,
    pub item: Option<Box<Reason>>,
}

impl Reason {
    pub fn new(why: Why) -> Self {
        Reason {
            why,
            args: Vec::new(),
            item: None,
        }
    }

    /// With parameter `{name}` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// About `item` (the text's `{item}`).
    pub fn about(mut self, item: Reason) -> Self {
        self.item = Some(Box::new(item));
        self
    }

    /// The `n`th (0-based) check-in, named by number and id.
    pub fn check_in(n: usize, id: &str) -> Self {
        Reason::new(Why::CheckIn)
            .with("n", n + 1)
            .with("id", id.chars().take(40).collect::<String>())
    }

    /// The `n`th (0-based) item of a list of `what` (a plan step or a
    /// ledger entry).
    pub fn nth(what: Why, n: usize) -> Self {
        Reason::new(what).with("n", n + 1)
    }

    /// In words: `text` gives a key's text in the person's language.
    pub fn words(&self, text: &dyn Fn(&str) -> String) -> String {
        let item = self.item.as_ref().map(|i| i.words(text));
        let mut args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if let Some(item) = &item {
            args.push(("item", item));
        }
        fill(&text(self.why.key()), &args)
    }

    /// In English, from the language file (for tests).
    #[cfg(test)]
    pub fn english(&self) -> String {
        let texts = crate::i18n::Texts::parse(include_str!("../../i18n/en.json")).unwrap();
        self.words(&|k| texts.get(k).unwrap_or(k).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_its_own_key() {
        let mut keys: Vec<&str> = Why::ALL.iter().map(|w| w.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Why::ALL.len());
        assert!(keys.iter().all(|k| k.starts_with("why.")));
    }

    #[test]
    fn every_reason_has_a_text_in_every_language() {
        for lang in crate::i18n::Lang::all() {
            let path = format!(
                "{}/../i18n/{}.json",
                env!("CARGO_MANIFEST_DIR"),
                lang.code()
            );
            let texts = crate::i18n::Texts::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
            for why in Why::ALL {
                assert!(
                    texts.get(why.key()).is_some(),
                    "{} {}",
                    lang.code(),
                    why.key()
                );
            }
        }
    }

    #[test]
    fn an_item_is_put_into_words_inside_its_reason() {
        let texts = |k: &str| match k {
            "why.twice" => "{item} appears twice".to_string(),
            "why.item.checkin" => "check-in {n} (\u{201c}{id}\u{201d})".to_string(),
            other => other.to_string(),
        };
        let r = Reason::new(Why::Twice).about(Reason::check_in(2, "{item}"));
        // A value is never read as a parameter, however it looks.
        assert_eq!(
            r.words(&texts),
            "check-in 3 (\u{201c}{item}\u{201d}) appears twice"
        );
    }
}
