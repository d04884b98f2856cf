//! Charts drawn on the server as inline SVG (no script, nothing for the CSP to allow): the
//! geometry is computed here, `partials/charts.html` draws it, the page's stylesheet colours it
//! with DSFR variables (light and dark). Every chart has a title, a description and, beside
//! it, the table of its figures.

use minijinja::{Value, context};

use crate::i18n::Lang;

const WIDTH: i64 = 720;
const HEIGHT: i64 = 260;
const LEFT: i64 = 64;
const RIGHT: i64 = 8;
const TOP: i64 = 12;
const BOTTOM: i64 = 32;

/// `n` with its thousands grouped as the language writes them (`12 345`, `12,345`).
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = match lang {
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    if n < 0 {
        grouped.insert(0, '-');
    }
    grouped
}

/// The smallest round number (1, 2 or 5 times a power of ten) at or above `n`.
fn round_up(n: i64) -> i64 {
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            if step * factor >= n {
                return step * factor;
            }
        }
        step *= 10;
    }
}

/// A column chart of `values`, one column per label.
pub struct BarChart<'a> {
    /// Unique on the page: the ids of its title and description.
    pub id: &'a str,
    pub title: String,
    pub description: String,
    /// Under each column.
    pub labels: &'a [String],
    pub values: &'a [i64],
    pub lang: Lang,
}

impl BarChart<'_> {
    /// What `partials/charts.html` draws.
    pub fn view(&self) -> Value {
        let top = round_up(self.values.iter().copied().max().unwrap_or(0).max(1));
        let plot_width = WIDTH - LEFT - RIGHT;
        let plot_height = HEIGHT - TOP - BOTTOM;
        let baseline = HEIGHT - BOTTOM;
        let ticks: Vec<Value> = (0..=4)
            .map(|step| {
                let value = top * step / 4;
                context! {
                    y => baseline - plot_height * step / 4,
                    label => number(value, self.lang),
                }
            })
            .collect();
        let count = self.values.len().max(1) as i64;
        let slot = plot_width / count;
        let bars: Vec<Value> = self
            .values
            .iter()
            .zip(self.labels)
            .enumerate()
            .map(|(index, (value, label))| {
                let height = plot_height * value.max(&0) / top;
                let x = LEFT + slot * index as i64;
                context! {
                    x => x + slot / 6,
                    width => slot * 2 / 3,
                    y => baseline - height,
                    height => height,
                    center => x + slot / 2,
                    label => label,
                    value => number(*value, self.lang),
                }
            })
            .collect();
        context! {
            id => self.id,
            title => self.title,
            description => self.description,
            width => WIDTH,
            height => HEIGHT,
            left => LEFT,
            right => WIDTH - RIGHT,
            baseline => baseline,
            label_y => HEIGHT - 10,
            ticks => ticks,
            bars => bars,
        }
    }
}

/// A goal's progress bar: the width of the part achieved, out of [`GAUGE_WIDTH`].
pub const GAUGE_WIDTH: i64 = 400;

pub fn gauge(percent: Option<i64>) -> i64 {
    percent.map_or(0, |p| GAUGE_WIDTH * p.clamp(0, 100) / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number(1234567, Lang::Fr), "1\u{202f}234\u{202f}567");
        assert_eq!(number(-1234, Lang::En), "-1,234");
        assert_eq!(number(999, Lang::Fr), "999");
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(round_up(1), 1);
        assert_eq!(round_up(3), 5);
        assert_eq!(round_up(160), 200);
        assert_eq!(round_up(2001), 5000);
    }
}
