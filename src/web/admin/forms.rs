//! Submitted back-office forms: reading typed values out of them, and showing them again with
//! their problems, every one at once.

use std::{collections::BTreeMap, str::FromStr};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use minijinja::Value;

use super::Admin;
use crate::{
    error::{AppError, AppResult, FieldError, Problems, Reason},
    web::portal::PageContext,
};

/// A form body as its name/value pairs (a name may repeat, as checkboxes do).
pub type Pairs = Vec<(String, String)>;

/// A submitted form, or the values a form shows.
#[derive(Clone, Default)]
pub struct FormData {
    pairs: Pairs,
}

impl FormData {
    /// The submitted `pairs`, cleaned of what no person types (see [`crate::text::clean`]).
    pub fn new(pairs: Pairs) -> Self {
        let pairs = pairs
            .into_iter()
            .map(|(name, value)| (name, crate::text::clean(&value)))
            .collect();
        Self { pairs }
    }

    /// Adds a value (to build a form from a stored object).
    pub fn set(&mut self, name: &str, value: impl ToString) {
        self.pairs.push((name.to_owned(), value.to_string()));
    }

    /// The last value of `name`, as typed (empty when absent).
    pub fn raw(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The value of `name` without surrounding spaces.
    pub fn text(&self, name: &str) -> String {
        self.raw(name).trim().to_owned()
    }

    /// The value of `name`, `None` when empty.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|value| !value.is_empty())
    }

    /// Every value of `name` (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The non-empty lines of `name`.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.raw(name)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Whether checkbox `name` is ticked.
    pub fn checked(&self, name: &str) -> bool {
        !self.raw(name).is_empty()
    }

    /// A number, `None` when empty.
    pub fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, FieldError> {
        self.optional(name)
            .map(|value| {
                value
                    .parse()
                    .map_err(|_| FieldError::new(name, Reason::NotANumber))
            })
            .transpose()
    }

    /// A `YYYY-MM-DD` date, `None` when empty.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, FieldError> {
        self.optional(name)
            .map(|value| {
                crate::text::parse_day(&value)
                    .ok_or_else(|| FieldError::new(name, Reason::NotADate))
            })
            .transpose()
    }

    /// A `YYYY-MM-DD` date at `time` (UTC), `None` when empty.
    pub fn moment(&self, name: &str, time: NaiveTime) -> Result<Option<DateTime<Utc>>, FieldError> {
        Ok(self
            .date(name)?
            .map(|day| Utc.from_utc_datetime(&day.and_time(time))))
    }

    /// Sets field `name` to the day of `moment`, if any.
    pub fn set_day(&mut self, name: &str, moment: Option<DateTime<Utc>>) {
        let day = moment.map(|at| at.date_naive().to_string());
        self.set(name, day.unwrap_or_default());
    }

    /// A code of a fixed list, `None` when empty.
    pub fn code<T>(
        &self,
        name: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, FieldError> {
        self.optional(name)
            .map(|value| parse(&value).ok_or_else(|| FieldError::new(name, Reason::UnknownCode)))
            .transpose()
    }

    /// The values for a template: `name` → text, or → list for the names in `lists`.
    pub fn values(&self, lists: &[&str]) -> Value {
        let mut values: BTreeMap<&str, Value> = BTreeMap::new();
        for (name, _) in &self.pairs {
            if name == "csrf" || name == "intent" {
                continue;
            }
            let value = if lists.contains(&name.as_str()) {
                Value::from(
                    self.all(name)
                        .into_iter()
                        .map(str::to_owned)
                        .collect::<Vec<_>>(),
                )
            } else {
                Value::from(self.raw(name))
            };
            values.insert(name, value);
        }
        for list in lists {
            values
                .entry(list)
                .or_insert_with(|| Value::from(Vec::<String>::new()));
        }
        Value::from(values)
    }
}

/// Reads the typed values of a form, noting the problem of each one that cannot be read (it
/// reads as empty) rather than stopping there: the form is then refused once, with these
/// problems and what the domain finds wrong with the rest ([`Problems::along_with`]).
pub struct Reader<'a> {
    form: &'a FormData,
    problems: Problems,
}

impl<'a> Reader<'a> {
    pub fn new(form: &'a FormData) -> Self {
        Self {
            form,
            problems: Problems::default(),
        }
    }

    fn note<T>(&mut self, read: Result<Option<T>, FieldError>) -> Option<T> {
        read.unwrap_or_else(|error| {
            self.problems.push(error);
            None
        })
    }

    /// See [`FormData::number`].
    pub fn number<T: FromStr>(&mut self, name: &str) -> Option<T> {
        let read = self.form.number(name);
        self.note(read)
    }

    /// See [`FormData::date`].
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let read = self.form.date(name);
        self.note(read)
    }

    /// See [`FormData::moment`].
    pub fn moment(&mut self, name: &str, time: NaiveTime) -> Option<DateTime<Utc>> {
        let read = self.form.moment(name, time);
        self.note(read)
    }

    /// See [`FormData::code`].
    pub fn code<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        let read = self.form.code(name, parse);
        self.note(read)
    }

    /// Every value of `name` that is a code of a fixed list (checkboxes).
    pub fn codes<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
        let (known, unknown): (Vec<_>, Vec<_>) = self
            .form
            .all(name)
            .into_iter()
            .map(parse)
            .partition(Option::is_some);
        if !unknown.is_empty() {
            self.problems.add(name, Reason::UnknownCode);
        }
        known.into_iter().flatten().collect()
    }

    /// The problems of the values read.
    pub fn problems(self) -> Problems {
        self.problems
    }
}

/// A form for a template: its values and the messages of its fields in error.
pub fn form_view(form: &FormData, lists: &[&str], errors: &BTreeMap<String, String>) -> Value {
    minijinja::context! {
        values => form.values(lists),
        errors => errors,
    }
}

/// What a form shows next to each field `error` refuses, by field name (see
/// [`crate::i18n::I18n::field_error`]).
pub fn field_errors(admin: &Admin, error: &AppError) -> BTreeMap<String, String> {
    field_errors_in(&admin.page, error)
}

/// The message of each field `error` refuses, in the language of `page`.
pub fn field_errors_in(page: &PageContext, error: &AppError) -> BTreeMap<String, String> {
    let AppError::Invalid(problems) = error else {
        return BTreeMap::new();
    };
    let (i18n, lang) = (&page.state.i18n, page.lang);
    problems
        .iter()
        .map(|problem| (problem.field.clone(), i18n.field_error(lang, problem)))
        .collect()
}

/// How a form is shown: as stored (or blank), with a preview of what was typed, or refused
/// with the problems found.
pub enum Shown {
    Fresh,
    Preview,
    Refused(BTreeMap<String, String>),
}

static NO_ERRORS: BTreeMap<String, String> = BTreeMap::new();

impl Shown {
    pub fn errors(&self) -> &BTreeMap<String, String> {
        match self {
            Shown::Refused(errors) => errors,
            _ => &NO_ERRORS,
        }
    }

    pub fn previewed(&self) -> bool {
        matches!(self, Shown::Preview)
    }
}

/// The most of a multipart form's text field that is kept, in bytes: more than four bytes for
/// each character of the longest field (a message), so that a field cut here is still too long
/// for the domain, which names it.
const MULTIPART_TEXT_MAX_BYTES: usize = 32 * 1024;

/// A form sent as `multipart/form-data`: its text fields, and the bytes of its `file` field
/// (empty when no file was chosen). Whatever the browser declared, at most `max_bytes` + 1
/// bytes of the file are read: enough for the domain to refuse it as too large, while the
/// other fields are kept for the form shown again.
pub async fn read_multipart(
    mut multipart: poem::web::Multipart,
    max_bytes: usize,
) -> AppResult<(FormData, Vec<u8>)> {
    let unreadable = |_| AppError::invalid("file", Reason::Unreadable);
    let mut pairs = Vec::new();
    let mut file = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            file = read_at_most(field, max_bytes).await?;
        } else {
            let mut text = read_at_most(field, MULTIPART_TEXT_MAX_BYTES).await?;
            text.truncate(MULTIPART_TEXT_MAX_BYTES);
            pairs.push((name, String::from_utf8_lossy(&text).into_owned()));
        }
    }
    Ok((FormData::new(pairs), file))
}

/// The bytes of `field`, at most `max` + 1 of them: enough to tell that it is too long.
async fn read_at_most(field: poem::web::Field, max: usize) -> AppResult<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let mut reader = field.into_async_read().take(limit);
    // The body stops past its limit (see `web::limits`) when no length was declared.
    reader
        .read_to_end(&mut bytes)
        .await
        .map_err(|_| AppError::invalid("file", Reason::TooLarge))?;
    Ok(bytes)
}

/// Splits a domain result: the value, or the field errors of a refused form; any other error
/// goes on up.
pub fn refused<T>(
    admin: &Admin,
    result: AppResult<T>,
) -> AppResult<Result<T, BTreeMap<String, String>>> {
    match result {
        Ok(value) => Ok(Ok(value)),
        Err(error @ AppError::Invalid(_)) => Ok(Err(field_errors(admin, &error))),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang, defined_keys};

    /// The fields whose message says more than their reason's, `form-error-FIELD-REASON`:
    /// each pair is one the domain or a form refuses.
    const PRECISE: &[(&str, Reason)] = &[
        ("consent", Reason::Required),
        ("reason", Reason::Required),
        ("title", Reason::Required),
        ("title", Reason::TooLong),
        ("slug", Reason::AlreadyUsed),
        ("structure_id", Reason::NotOfThisMinistry),
        ("contract_types", Reason::Required),
        ("profession", Reason::Required),
        ("professions", Reason::Required),
        ("email", Reason::TooMany),
        ("seniority", Reason::Required),
        ("message", Reason::TooMany),
        ("experience_min_years", Reason::OutOfRange),
        ("remote_policy", Reason::Required),
        ("salary_min", Reason::NotANumber),
        ("salary_min", Reason::OutOfRange),
        ("salary_max", Reason::NotANumber),
        ("salary_max", Reason::OutOfRange),
        ("salary_max", Reason::BelowMinimum),
        ("city", Reason::Required),
        ("apply_mode", Reason::Required),
        ("apply_url", Reason::Required),
        ("apply_emails", Reason::Required),
        ("person_name", Reason::Required),
        ("role", Reason::Required),
        ("excerpt", Reason::Required),
        ("excerpt", Reason::TooLong),
        ("body", Reason::Required),
        ("name", Reason::Required),
        ("name", Reason::TooLong),
        ("scopes", Reason::Required),
        ("valid_days", Reason::OutOfRange),
        ("acronym", Reason::Required),
        ("acronym", Reason::TooLong),
        ("decision", Reason::UnknownCode),
        ("comment", Reason::Required),
        ("alt", Reason::Required),
        ("alt", Reason::TooLong),
        ("file", Reason::Empty),
        ("file", Reason::TooLarge),
        ("file", Reason::NotAnImage),
        ("file", Reason::TooManyPixels),
        ("file", Reason::Unreadable),
        ("file", Reason::Duplicate),
        ("file", Reason::StorageDown),
        ("media", Reason::InUse),
    ];

    /// Every reason has its message in both languages, so does every precise pair, and every
    /// `form-error-` message is one of those (or the generic one): none is left behind.
    #[test]
    fn every_field_error_is_translated_and_every_message_used() {
        let i18n = I18n::load().unwrap();
        let mut expected = vec!["form-error-generic".to_owned()];
        expected.extend(
            Reason::ALL
                .iter()
                .map(|reason| format!("form-error-{}", reason.code())),
        );
        expected.extend(
            PRECISE
                .iter()
                .map(|(field, reason)| format!("form-error-{field}-{}", reason.code())),
        );
        for lang in Lang::ALL {
            let missing: Vec<_> = expected.iter().filter(|key| !i18n.has(lang, key)).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
            let unused: Vec<_> = defined_keys(lang)
                .into_iter()
                .filter(|key| key.starts_with("form-error-") && !expected.contains(key))
                .collect();
            assert!(unused.is_empty(), "{}: unused {unused:?}", lang.code());
        }
    }

    #[test]
    fn a_precise_message_comes_before_the_reason_s() {
        let i18n = I18n::load().unwrap();
        let title = FieldError::new("title", Reason::Required);
        let street = FieldError::new("street", Reason::TooLong);
        assert_eq!(
            i18n.field_error(Lang::Fr, &title),
            i18n.text(Lang::Fr, "form-error-title-required")
        );
        assert_eq!(
            i18n.field_error(Lang::En, &street),
            i18n.text(Lang::En, "form-error-too_long")
        );
    }

    #[test]
    fn a_reader_notes_every_value_it_cannot_read() {
        let form = form(&[
            ("n", "4x"),
            ("d", "2026-13-01"),
            ("c", "nope"),
            ("l", "a"),
            ("l", "zz"),
            ("ok", "7"),
        ]);
        let mut read = Reader::new(&form);
        assert_eq!(read.number::<i32>("n"), None);
        assert_eq!(read.date("d"), None);
        assert_eq!(read.code("c", |c| (c == "a").then_some(1)), None);
        assert_eq!(read.codes("l", |c| (c == "a").then_some(1)), [1]);
        assert_eq!(read.number::<i32>("ok"), Some(7));
        let found: Vec<_> = read
            .problems()
            .iter()
            .map(|p| (p.field.clone(), p.reason))
            .collect();
        assert_eq!(
            found,
            [
                ("n".to_owned(), Reason::NotANumber),
                ("d".to_owned(), Reason::NotADate),
                ("c".to_owned(), Reason::UnknownCode),
                ("l".to_owned(), Reason::UnknownCode),
            ]
        );
    }

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn values_are_read_typed() {
        let form = form(&[
            ("n", " 42 "),
            ("bad", "4x"),
            ("d", "2026-12-01"),
            ("c", "a"),
            ("c", "b"),
            ("l", "x\n\n y \n"),
        ]);
        assert_eq!(form.number::<i32>("n").unwrap(), Some(42));
        assert!(form.number::<i32>("bad").is_err());
        assert_eq!(form.number::<i32>("none").unwrap(), None);
        assert_eq!(
            form.date("d").unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(form.all("c"), ["a", "b"]);
        assert_eq!(form.lines("l"), ["x", "y"]);
        assert!(form.checked("c") && !form.checked("none"));
    }
}
