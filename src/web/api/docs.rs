//! `/api/docs` (`/en/api/docs`): the API's documentation as a page of the portal, rendered on
//! the server from the OpenAPI document itself, so that it never says other than the contract.
//! No script and nothing from elsewhere: it works under the site's CSP, and reads with a
//! keyboard or a screen reader like any page.

use minijinja::context;
use poem::{Request, Response, handler, web::Data};
use serde::Serialize;
use serde_json::Value;

use crate::{
    app::SharedState,
    error::AppResult,
    web::portal::{PageContext, View},
};

/// One operation of the API.
#[derive(Serialize)]
struct Operation {
    id: String,
    method: String,
    path: String,
    summary: String,
    description: String,
    secured: bool,
    parameters: Vec<Field>,
    body: Option<String>,
    /// The object the body is.
    body_object: Option<String>,
    responses: Vec<Answer>,
}

/// A parameter or a property: its name, where it goes, its type in words.
#[derive(Serialize)]
struct Field {
    name: String,
    location: String,
    kind: String,
    required: bool,
    description: String,
}

#[derive(Serialize)]
struct Answer {
    status: String,
    description: String,
    kind: Option<String>,
    /// The object it is made of, documented below.
    object: Option<String>,
}

/// An object of the contract with its properties.
#[derive(Serialize)]
struct Schema {
    name: String,
    description: String,
    properties: Vec<Field>,
}

/// The name of the schema `reference` points at (`#/components/schemas/Offer` → `Offer`).
fn reference_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

/// A schema's type in words: `Offer`, `array of ContractType`, `string (date-time)`, `one of
/// a, b`.
fn kind(schema: &Value) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference_name(reference).to_owned();
    }
    for combined in ["allOf", "anyOf", "oneOf"] {
        if let Some(first) = schema.get(combined).and_then(|all| all.get(0)) {
            return kind(first);
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        return format!("« {} »", values.join(" », « "));
    }
    let base = schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("object");
    match (
        base,
        schema.get("items"),
        schema.get("format").and_then(Value::as_str),
    ) {
        ("array", Some(items), _) => format!("[{}]", kind(items)),
        (base, _, Some(format)) => format!("{base} ({format})"),
        (base, _, None) => base.to_owned(),
    }
}

/// The object a schema is made of: itself, or the items of a list.
fn object(schema: &Value) -> Option<String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return Some(reference_name(reference).to_owned());
    }
    ["items", "allOf"]
        .iter()
        .filter_map(|key| schema.get(key))
        .map(|inner| inner.get(0).unwrap_or(inner))
        .find_map(object)
}

/// The schema of the first content of a request body or an answer.
fn content_schema(holder: &Value) -> Option<&Value> {
    holder
        .get("content")
        .and_then(Value::as_object)
        .and_then(|content| content.values().next())
        .and_then(|media| media.get("schema"))
}

fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The operations of `document`, in its order, and its objects by name.
fn contents(document: &Value) -> (Vec<Operation>, Vec<Schema>) {
    let empty = serde_json::Map::new();
    let paths = document
        .get("paths")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut operations = Vec::new();
    for (path, methods) in paths {
        let Some(methods) = methods.as_object() else {
            continue;
        };
        for (method, operation) in methods {
            let parameters = operation
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|parameter| Field {
                    name: text(parameter, "name"),
                    location: text(parameter, "in"),
                    kind: parameter.get("schema").map(kind).unwrap_or_default(),
                    required: parameter.get("required").and_then(Value::as_bool) == Some(true),
                    description: text(parameter, "description"),
                })
                .collect();
            let body = operation.get("requestBody").and_then(content_schema);
            let responses = operation
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(status, answer)| Answer {
                    status: status.clone(),
                    description: text(answer, "description"),
                    kind: content_schema(answer).map(kind),
                    object: content_schema(answer).and_then(object),
                })
                .collect();
            operations.push(Operation {
                id: text(operation, "operationId"),
                method: method.to_uppercase(),
                path: format!("/api/v1{path}"),
                summary: text(operation, "summary"),
                description: text(operation, "description"),
                secured: operation.get("security").is_some(),
                parameters,
                body: body.map(kind),
                body_object: body.and_then(object),
                responses,
            });
        }
    }
    let schemas = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
        .iter()
        .map(|(name, schema)| {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let properties = schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(property, definition)| Field {
                    name: property.clone(),
                    location: String::new(),
                    kind: kind(definition),
                    required: required.contains(&property.as_str()),
                    description: text(definition, "description"),
                })
                .collect();
            Schema {
                name: name.clone(),
                description: text(schema, "description"),
                properties,
            }
        })
        .collect();
    (operations, schemas)
}

#[handler]
pub async fn page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let base_url = &state.config.server.base_url;
    let document: Value = serde_json::from_str(&super::document(base_url))?;
    let (operations, schemas) = contents(&document);
    let (public, integration): (Vec<Operation>, Vec<Operation>) = operations
        .into_iter()
        .partition(|operation| !operation.secured);
    page.render(View::new(
        "pages/api-docs.html",
        page.t("api-docs-title"),
        page.t("api-docs-description"),
        context! {
            base_url => format!("{base_url}/api/v1"),
            document_url => format!("{base_url}/api/openapi.json"),
            version => super::VERSION,
            public => public,
            integration => integration,
            schemas => schemas,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_read_as_words() {
        assert_eq!(
            kind(&json!({"$ref": "#/components/schemas/Offer"})),
            "Offer"
        );
        assert_eq!(
            kind(&json!({"type": "array", "items": {"$ref": "#/components/schemas/Story"}})),
            "[Story]"
        );
        assert_eq!(
            kind(&json!({"type": "string", "format": "date-time"})),
            "string (date-time)"
        );
        assert_eq!(
            kind(&json!({"allOf": [{"$ref": "#/components/schemas/Status"}]})),
            "Status"
        );
        assert_eq!(
            kind(&json!({"type": "string", "enum": ["a", "b"]})),
            "« a », « b »"
        );
    }
}
