//! What differs between two versions of an item, for the reviewer.

use serde_json::Value;

/// A field that differs between two versions of an item, with its values as stored (the web
/// layer words them: labels for codes, days for dates).
#[derive(Debug, PartialEq)]
pub struct Change {
    pub field: &'static str,
    pub before: Value,
    pub after: Value,
}

/// Whether `value` says nothing: absent, null, an empty text or list. An empty text saved by
/// a form and a missing value are the same to a reader.
pub fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// The `fields` whose values differ between `before` and `after` (items as JSON objects).
pub fn changes(
    before: &serde_json::Map<String, Value>,
    after: &serde_json::Map<String, Value>,
    fields: &[&'static str],
) -> Vec<Change> {
    let value = |item: &serde_json::Map<String, Value>, field: &str| {
        item.get(field)
            .filter(|value| !is_empty(value))
            .cloned()
            .unwrap_or(Value::Null)
    };
    fields
        .iter()
        .map(|field| (*field, value(before, field), value(after, field)))
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Change {
            field,
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_list_the_fields_that_differ() {
        let before = json!({"title": "A", "city": "Lyon", "salary_min": 40000, "video_url": ""});
        let after = json!({"title": "B", "city": "Lyon", "salary_min": null, "video_url": null});
        let (before, after) = (before.as_object().unwrap(), after.as_object().unwrap());
        let found = changes(before, after, &["title", "city", "salary_min", "video_url"]);
        assert_eq!(
            found,
            [
                Change {
                    field: "title",
                    before: json!("A"),
                    after: json!("B")
                },
                Change {
                    field: "salary_min",
                    before: json!(40000),
                    after: Value::Null
                },
            ]
        );
    }
}
