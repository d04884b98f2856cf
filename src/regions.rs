//! French departments and regions, derived from postal codes (overseas included).

/// A region: INSEE code and name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

pub const REGIONS: &[Region] = &[
    Region {
        code: "84",
        name: "Auvergne-Rhône-Alpes",
    },
    Region {
        code: "27",
        name: "Bourgogne-Franche-Comté",
    },
    Region {
        code: "53",
        name: "Bretagne",
    },
    Region {
        code: "24",
        name: "Centre-Val de Loire",
    },
    Region {
        code: "94",
        name: "Corse",
    },
    Region {
        code: "44",
        name: "Grand Est",
    },
    Region {
        code: "32",
        name: "Hauts-de-France",
    },
    Region {
        code: "11",
        name: "Île-de-France",
    },
    Region {
        code: "28",
        name: "Normandie",
    },
    Region {
        code: "75",
        name: "Nouvelle-Aquitaine",
    },
    Region {
        code: "76",
        name: "Occitanie",
    },
    Region {
        code: "52",
        name: "Pays de la Loire",
    },
    Region {
        code: "93",
        name: "Provence-Alpes-Côte d'Azur",
    },
    Region {
        code: "01",
        name: "Guadeloupe",
    },
    Region {
        code: "02",
        name: "Martinique",
    },
    Region {
        code: "03",
        name: "Guyane",
    },
    Region {
        code: "04",
        name: "La Réunion",
    },
    Region {
        code: "06",
        name: "Mayotte",
    },
    Region {
        code: "COM",
        name: "Collectivités d'outre-mer",
    },
];

/// Metropolitan departments by region code.
const METROPOLITAN: &[(&str, &[&str])] = &[
    (
        "84",
        &[
            "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
        ],
    ),
    ("27", &["21", "25", "39", "58", "70", "71", "89", "90"]),
    ("53", &["22", "29", "35", "56"]),
    ("24", &["18", "28", "36", "37", "41", "45"]),
    (
        "44",
        &["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    ),
    ("32", &["02", "59", "60", "62", "80"]),
    ("11", &["75", "77", "78", "91", "92", "93", "94", "95"]),
    ("28", &["14", "27", "50", "61", "76"]),
    (
        "75",
        &[
            "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
        ],
    ),
    (
        "76",
        &[
            "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
        ],
    ),
    ("52", &["44", "49", "53", "72", "85"]),
    ("93", &["04", "05", "06", "13", "83", "84"]),
];

/// The department and region of a French postal code, or `None` if it is not one.
pub fn locate(postal_code: &str) -> Option<(String, Region)> {
    let code = postal_code.trim();
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = code.parse().ok()?;
    let (department, region_code) = match &code[..2] {
        "00" => return None,
        "20" => {
            let department = if number < 20200 { "2A" } else { "2B" };
            (department.to_owned(), "94")
        }
        "97" => {
            let department = &code[..3];
            let region = match department {
                "971" => "01",
                "972" => "02",
                "973" => "03",
                "974" => "04",
                "976" => "06",
                "975" | "977" | "978" => "COM",
                _ => return None,
            };
            (department.to_owned(), region)
        }
        "98" => {
            let department = &code[..3];
            if !matches!(department, "986" | "987" | "988") {
                return None;
            }
            (department.to_owned(), "COM")
        }
        prefix => {
            let region = METROPOLITAN
                .iter()
                .find(|(_, departments)| departments.contains(&prefix))
                .map(|(region, _)| *region)?;
            (prefix.to_owned(), region)
        }
    };
    Some((department, region(region_code)?))
}

pub fn region(code: &str) -> Option<Region> {
    REGIONS.iter().find(|r| r.code == code).copied()
}

/// Department names by code (overseas ones by their three digits).
const DEPARTMENTS: &[(&str, &str)] = &[
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("976", "Mayotte"),
];

/// The name of department `code` ("93" → "Seine-Saint-Denis").
pub fn department_name(code: &str) -> Option<&'static str> {
    DEPARTMENTS
        .iter()
        .find(|(number, _)| *number == code)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_give_department_and_region() {
        let (department, region) = locate("75007").unwrap();
        assert_eq!((department.as_str(), region.name), ("75", "Île-de-France"));
        assert_eq!(locate("69003").unwrap().1.name, "Auvergne-Rhône-Alpes");
        assert_eq!(locate("20000").unwrap().0, "2A");
        assert_eq!(locate("20200").unwrap().0, "2B");
        assert_eq!(locate("97400").unwrap().1.name, "La Réunion");
        assert_eq!(locate("97600").unwrap().1.name, "Mayotte");
        assert_eq!(locate("97300").unwrap().1.name, "Guyane");
        assert_eq!(locate("98800").unwrap().1.code, "COM");
    }

    #[test]
    fn non_postal_codes_are_refused() {
        for bad in ["", "7500", "750071", "ABCDE", "00100", "98000", "97900"] {
            assert!(locate(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn every_metropolitan_department_has_one_region() {
        let mut all: Vec<&str> = METROPOLITAN
            .iter()
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        all.sort();
        let before = all.len();
        all.dedup();
        assert_eq!(before, all.len());
        assert_eq!(
            all.len(),
            94,
            "96 metropolitan departments minus Corsica's two"
        );
    }
}
