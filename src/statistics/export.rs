//! A [`Report`] as a file: CSV (UTF-8 with a BOM, `;` separated, decimal commas: what French
//! spreadsheets open as is), XLSX (one sheet per table, numbers as numbers, months as dates, a
//! chart sheet) or JSON (the report itself).
//!
//! The CSV and the XLSX are written from the same [`Table`]s. A year in which nothing
//! happened gives files with their headers and no figures.

use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format as CellFormat, Workbook, XlsxError};

use super::{Report, Series};
use crate::{
    error::{AppError, AppResult},
    i18n::{I18n, Lang},
};

/// The formats a report is exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Xlsx, Format::Json];

    pub fn code(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    /// `code` as a format, or a clear refusal.
    pub fn parse(code: &str) -> AppResult<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.code() == code.trim())
            .ok_or_else(|| {
                AppError::argument("format", format!("'{code}' is not csv, xlsx or json"))
            })
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json",
        }
    }
}

/// One value of a table.
enum Cell {
    Text(String),
    Number(i64),
    /// A decimal, or nothing to say (no figure to compute it from).
    Decimal(Option<f64>),
    /// A month of the report's year (1 to 12).
    Month(i32, u32),
}

/// A table of the report: its name, its column headers and its rows.
struct Table {
    name: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// The report's tables, in `lang`; without rows when nothing happened in the year.
fn tables(report: &Report, i18n: &I18n, lang: Lang) -> Vec<Table> {
    let t = |key: &str| i18n.text(lang, key);
    let empty = report.is_empty();
    let goals = Table {
        name: t("stats-table-goals"),
        headers: vec![
            t("stats-col-indicator"),
            t("stats-col-target"),
            t("stats-col-achieved"),
            t("stats-col-percent"),
        ],
        rows: report
            .goals
            .iter()
            .map(|goal| {
                vec![
                    Cell::Text(t(&format!("stats-goal-{}", goal.indicator.code()))),
                    Cell::Decimal(goal.target.map(|n| n as f64)),
                    Cell::Number(goal.achieved),
                    Cell::Decimal(goal.percent.map(|n| n as f64)),
                ]
            })
            .collect(),
    };
    let monthly = Table {
        name: t("stats-table-monthly"),
        headers: std::iter::once(t("stats-col-month"))
            .chain(
                report
                    .series
                    .iter()
                    .map(|figures| t(&format!("stats-series-{}", figures.series.code()))),
            )
            .collect(),
        rows: (0..12)
            .map(|month| {
                std::iter::once(Cell::Month(report.year, month as u32 + 1))
                    .chain(report.series.iter().map(|f| Cell::Number(f.monthly[month])))
                    .collect()
            })
            .collect(),
    };
    let top = Table {
        name: t("stats-table-top-offers"),
        headers: vec![
            t("stats-col-offer"),
            t("stats-col-ministry"),
            t("stats-series-offer_views"),
            t("stats-series-applications"),
            t("stats-series-hires"),
        ],
        rows: report
            .top_offers
            .iter()
            .map(|offer| {
                vec![
                    Cell::Text(offer.title.clone()),
                    Cell::Text(offer.ministry.clone()),
                    Cell::Number(offer.views),
                    Cell::Number(offer.applications),
                    Cell::Number(offer.hires),
                ]
            })
            .collect(),
    };
    let (conversion, delays, vacancy) = (&report.conversion, &report.delays, &report.vacancy);
    let summary = Table {
        name: t("stats-table-summary"),
        headers: vec![t("stats-col-indicator"), t("stats-col-value")],
        rows: [
            (
                "stats-applications-per-100-views",
                conversion.applications_per_100_views,
            ),
            (
                "stats-hires-per-100-applications",
                conversion.hires_per_100_applications,
            ),
            (
                "stats-median-first-application",
                delays.median_days_to_first_application,
            ),
            ("stats-median-hire", delays.median_days_to_hire),
            ("stats-offers-expired", Some(vacancy.offers_expired as f64)),
            (
                "stats-expired-without-application",
                Some(vacancy.without_application as f64),
            ),
            ("stats-expired-share", vacancy.share_percent),
        ]
        .into_iter()
        .map(|(key, value)| vec![Cell::Text(t(key)), Cell::Decimal(value)])
        .collect(),
    };
    let mut tables = vec![goals, monthly, top, summary];
    if report.subject.slug.is_none() {
        tables.push(Table {
            name: t("stats-table-ministries"),
            headers: vec![
                t("stats-col-ministry"),
                t("stats-series-offers_published"),
                t("stats-series-offer_views"),
                t("stats-series-applications"),
                t("stats-series-hires"),
            ],
            rows: report
                .ministries
                .iter()
                .map(|ministry| {
                    vec![
                        Cell::Text(ministry.name.clone()),
                        Cell::Number(ministry.offers_published),
                        Cell::Number(ministry.offer_views),
                        Cell::Number(ministry.applications),
                        Cell::Number(ministry.hires),
                    ]
                })
                .collect(),
        });
    }
    if empty {
        tables.iter_mut().for_each(|table| table.rows.clear());
    }
    tables
}

/// `report` in `format`, its words in `lang`.
pub fn write(report: &Report, format: Format, i18n: &I18n, lang: Lang) -> AppResult<Vec<u8>> {
    match format {
        Format::Json => {
            let empty;
            let report = if report.is_empty() {
                empty = Report {
                    goals: Vec::new(),
                    series: Vec::new(),
                    top_offers: Vec::new(),
                    ministries: Vec::new(),
                    ..report.clone()
                };
                &empty
            } else {
                report
            };
            Ok(serde_json::to_vec_pretty(report)?)
        }
        Format::Csv => Ok(csv(&tables(report, i18n, lang), i18n, lang).into_bytes()),
        Format::Xlsx => xlsx(
            report,
            &tables(report, i18n, lang),
            &i18n.text(lang, "stats-sheet-chart"),
        )
        .map_err(|error| AppError::setup("xlsx export", error)),
    }
}

/// A field of a `;`-separated line, quoted when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One long table: each figure on its line, named by its table, its row and its column, so
/// that a spreadsheet's pivot table can take it as it is.
fn csv(tables: &[Table], i18n: &I18n, lang: Lang) -> String {
    let t = |key: &str| i18n.text(lang, key);
    let mut out = String::from("\u{feff}");
    let header = [
        t("stats-col-table"),
        t("stats-col-row"),
        t("stats-col-indicator"),
        t("stats-col-value"),
    ];
    out.push_str(&header.map(|h| csv_field(&h)).join(";"));
    out.push_str("\r\n");
    for table in tables {
        for row in &table.rows {
            let Some((first, figures)) = row.split_first() else {
                continue;
            };
            for (header, cell) in table.headers.iter().skip(1).zip(figures) {
                let value = match cell {
                    Cell::Text(text) => text.clone(),
                    Cell::Number(n) => n.to_string(),
                    Cell::Decimal(Some(n)) => format!("{n}").replace('.', ","),
                    Cell::Decimal(None) => String::new(),
                    Cell::Month(year, month) => format!("{year}-{month:02}"),
                };
                let line = [&table.name, &cell_text(first), header, &value];
                out.push_str(&line.map(|field| csv_field(field)).join(";"));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// The first cell of a row, which names it.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Decimal(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Cell::Month(year, month) => format!("{year}-{month:02}"),
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn xlsx(report: &Report, tables: &[Table], chart_name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let month_format = CellFormat::new().set_num_format("mmmm yyyy");
    let decimal_format = CellFormat::new().set_num_format("0.0");
    // The second table is the monthly one.
    let monthly_sheet = tables
        .get(1)
        .map(|table| (sheet_name(&table.name), table.rows.len() as u32));
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name = sheet_name(&table.name);
        sheet.set_name(&name)?;
        for (column, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, header, &bold)?;
            sheet.set_column_width(column as u16, if column == 0 { 40 } else { 16 })?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            let line = index as u32 + 1;
            for (column, cell) in row.iter().enumerate() {
                let column = column as u16;
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(line, column, text)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(line, column, *n as f64)?;
                    }
                    Cell::Decimal(Some(n)) => {
                        sheet.write_number_with_format(line, column, *n, &decimal_format)?;
                    }
                    Cell::Decimal(None) => {}
                    Cell::Month(year, month) => {
                        let year = u16::try_from(*year).unwrap_or(1900);
                        let date = ExcelDateTime::from_ymd(year, *month as u8, 1)?;
                        sheet.write_datetime_with_format(line, column, &date, &month_format)?;
                    }
                }
            }
        }
    }
    // The applications and hires of each month, as a column chart on its own sheet.
    if let Some((sheet, rows)) = monthly_sheet.filter(|(_, rows)| *rows > 0) {
        let mut chart = Chart::new(ChartType::Column);
        for wanted in [Series::Applications, Series::Hires] {
            let Some(column) = report.series.iter().position(|f| f.series == wanted) else {
                continue;
            };
            let column = column as u16 + 1;
            chart
                .add_series()
                .set_name((sheet.as_str(), 0, column))
                .set_categories((sheet.as_str(), 1, 0, rows, 0))
                .set_values((sheet.as_str(), 1, column, rows, column));
        }
        let chart_sheet = workbook.add_chartsheet();
        chart_sheet.set_name(sheet_name(chart_name))?;
        chart_sheet.insert_chart(0, 0, &chart)?;
    }
    workbook.save_to_buffer()
}
