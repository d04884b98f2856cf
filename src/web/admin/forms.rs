//! Submitted back-office forms: reading typed values out of them, and showing them again with
//! their problems.

use std::{collections::BTreeMap, str::FromStr};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use minijinja::Value;

use super::Admin;
use crate::error::{AppError, AppResult};

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
    pub fn number<T: FromStr>(&self, name: &str) -> AppResult<Option<T>> {
        self.optional(name)
            .map(|value| {
                value
                    .parse()
                    .map_err(|_| AppError::invalid(name, "not a whole number"))
            })
            .transpose()
    }

    /// A `YYYY-MM-DD` date, `None` when empty.
    pub fn date(&self, name: &str) -> AppResult<Option<NaiveDate>> {
        self.optional(name)
            .map(|value| {
                NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid(name, "not a date"))
            })
            .transpose()
    }

    /// A `YYYY-MM-DD` date at `time` (UTC), `None` when empty.
    pub fn moment(&self, name: &str, time: NaiveTime) -> AppResult<Option<DateTime<Utc>>> {
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
    pub fn code<T>(&self, name: &str, parse: fn(&str) -> Option<T>) -> AppResult<Option<T>> {
        self.optional(name)
            .map(|value| parse(&value).ok_or_else(|| AppError::invalid(name, "unknown code")))
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

/// A form for a template: its values and the messages of its fields in error.
pub fn form_view(form: &FormData, lists: &[&str], errors: &BTreeMap<String, String>) -> Value {
    minijinja::context! {
        values => form.values(lists),
        errors => errors,
    }
}

/// What a form shows next to the field `error` names (`form-error-FIELD`).
pub fn field_errors(admin: &Admin, error: &AppError) -> BTreeMap<String, String> {
    let AppError::Invalid { field, message } = error else {
        return BTreeMap::new();
    };
    // The most precise message there is: for this reason, for this field, or any.
    let keys = [
        format!("form-error-{field}-{message}"),
        format!("form-error-{message}"),
        format!("form-error-{field}"),
        "form-error-generic".to_owned(),
    ];
    let lang = admin.page.lang;
    let key = keys
        .iter()
        .find(|key| admin.state.i18n.has(lang, key))
        .expect("form-error-generic is defined");
    let message = admin.t(key);
    BTreeMap::from([(field.clone(), message)])
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

/// The largest text field of a multipart form (a text alternative, a token), in bytes.
const MULTIPART_TEXT_MAX_BYTES: usize = 4 * 1024;

/// A form sent as `multipart/form-data`: its text fields, and the bytes of its `file` field
/// (empty when no file was chosen). Whatever the browser declared, at most `max_bytes` + 1
/// bytes of the file are read: enough for the domain to refuse it as too large, while the
/// other fields are kept for the form shown again.
pub async fn read_multipart(
    mut multipart: poem::web::Multipart,
    max_bytes: usize,
) -> AppResult<(FormData, Vec<u8>)> {
    let unreadable = |_| AppError::invalid("file", "unreadable");
    let mut pairs = Vec::new();
    let mut file = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            file = read_at_most(field, max_bytes).await?;
        } else {
            let text = read_at_most(field, MULTIPART_TEXT_MAX_BYTES).await?;
            if text.len() > MULTIPART_TEXT_MAX_BYTES {
                return Err(AppError::invalid(&name, "too_long"));
            }
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
        .map_err(|_| AppError::invalid("file", "too_large"))?;
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
        Err(error @ AppError::Invalid { .. }) => Ok(Err(field_errors(admin, &error))),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
