//! schema.org `JobPosting` for Google for Jobs: required fields (title, description, datePosted,
//! hiringOrganization, jobLocation) and recommended ones (validThrough, employmentType,
//! baseSalary, identifier, directApply, remote work).

use serde_json::{Value, json};

use crate::{
    codes::{ApplyMode, RemotePolicy},
    entities::{offers, tenants},
    markdown::to_safe_html,
    regions,
};

fn employment_type(contract_type: &str) -> &'static str {
    match contract_type {
        "titulaire_contractuel" => "FULL_TIME",
        "contractuel" | "vie" => "TEMPORARY",
        "freelance" => "CONTRACTOR",
        "stage" | "alternance" => "INTERN",
        _ => "OTHER",
    }
}

/// The JSON-LD of an offer, safe to print inside `<script type="application/ld+json">`.
pub fn job_posting(
    offer: &offers::Model,
    tenant: &tenants::Model,
    contract_types: &[&str],
    url: &str,
    base_url: &str,
) -> String {
    let description: String = [
        &offer.context,
        &offer.mission,
        &offer.tasks,
        &offer.profile,
        &offer.perks,
    ]
    .iter()
    .map(|text| to_safe_html(text))
    .collect();
    let mut employment: Vec<&str> = contract_types.iter().map(|c| employment_type(c)).collect();
    employment.dedup();
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": description,
        "url": url,
        "identifier": {
            "@type": "PropertyValue",
            "name": tenant.name,
            "value": offer.external_id.clone().unwrap_or_else(|| offer.slug.clone()),
        },
        "datePosted": offer.published_at.unwrap_or(offer.created_at).to_rfc3339(),
        "employmentType": employment,
        "hiringOrganization": {
            "@type": "Organization",
            "name": tenant.name,
            "alternateName": tenant.acronym,
            "sameAs": tenant.website.clone().unwrap_or_else(|| format!("{base_url}/ministeres/{}", tenant.slug)),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": offer.street,
                "addressLocality": offer.city,
                "postalCode": offer.postal_code,
                "addressRegion": regions::region(&offer.region).map(|r| r.name).unwrap_or_default(),
                "addressCountry": "FR",
            },
        },
        "directApply": offer.apply_mode == ApplyMode::OnSite.as_str(),
        "industry": "Administration publique",
        "occupationalCategory": offer.profession,
    });
    if let Some(expires_at) = offer.expires_at {
        posting["validThrough"] = json!(expires_at.to_rfc3339());
    }
    if offer.remote_policy == RemotePolicy::Total.as_str() {
        posting["jobLocationType"] = json!("TELECOMMUTE");
        posting["applicantLocationRequirements"] = json!({"@type": "Country", "name": "France"});
    }
    if offer.salary_min.is_some() || offer.salary_max.is_some() {
        let mut value = json!({"@type": "QuantitativeValue", "unitText": "YEAR"});
        if let Some(min) = offer.salary_min {
            value["minValue"] = json!(min);
        }
        if let Some(max) = offer.salary_max {
            value["maxValue"] = json!(max);
        }
        posting["baseSalary"] =
            json!({"@type": "MonetaryAmount", "currency": "EUR", "value": value});
    }
    if let Some(years) = offer.experience_min_years {
        posting["experienceRequirements"] = json!({
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": years * 12,
        });
    }
    if let Some(start) = offer.start_on {
        posting["jobStartDate"] = Value::String(start.to_string());
    }
    escape_for_script(&posting.to_string())
}

/// Makes JSON safe inside a `<script>` element: no `</script>` or `<!--` can appear.
fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::escape_for_script;

    #[test]
    fn script_end_tags_cannot_escape() {
        let escaped = escape_for_script(r#"{"t":"</script><script>alert(1)</script>"}"#);
        assert!(!escaped.contains('<'));
        let value: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(value["t"], "</script><script>alert(1)</script>");
    }
}
