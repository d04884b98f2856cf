//! Pictures drawn for the demo (no photo of anyone is shipped): a ministry's logo is its
//! acronym in its accent colour on an opaque white tile, a portrait is the person's initials in
//! white on the accent colour. Both read on a light and on a dark page.

use std::io::Cursor;

use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb, RgbImage};

/// `#rrggbb` as red, green and blue; the State's blue when it is not one.
fn rgb(color: &str) -> [u8; 3] {
    let channel = |at: usize| {
        color
            .get(at..at + 2)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
    };
    match (channel(1), channel(3), channel(5)) {
        (Some(r), Some(g), Some(b)) => [r, g, b],
        _ => [0, 0, 145],
    }
}

fn png(image: RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .expect("a drawn image encodes");
    bytes
}

/// Capital letters, 5 × 7 dots each (`#` drawn), for monograms.
const LETTERS: [[&str; 7]; 26] = [
    [
        ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
    ],
    [
        "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.",
    ],
    [
        ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.",
    ],
    [
        "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####.",
    ],
    [
        "#####", "#....", "#....", "####.", "#....", "#....", "#####",
    ],
    [
        "#####", "#....", "#....", "####.", "#....", "#....", "#....",
    ],
    [
        ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####",
    ],
    [
        "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
    ],
    [
        ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.",
    ],
    [
        "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..",
    ],
    [
        "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#",
    ],
    [
        "#....", "#....", "#....", "#....", "#....", "#....", "#####",
    ],
    [
        "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#",
    ],
    [
        "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#",
    ],
    [
        ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
    ],
    [
        "####.", "#...#", "#...#", "####.", "#....", "#....", "#....",
    ],
    [
        ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#",
    ],
    [
        "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#",
    ],
    [
        ".####", "#....", "#....", ".###.", "....#", "....#", "####.",
    ],
    [
        "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..",
    ],
    [
        "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
    ],
    [
        "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#..",
    ],
    [
        "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#.",
    ],
    [
        "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#",
    ],
    [
        "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..",
    ],
    [
        "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####",
    ],
];

/// The capital letters of `text` a monogram shows (accents dropped, at most 6).
fn monogram(text: &str) -> Vec<[&'static str; 7]> {
    crate::offers::search::normalize(text)
        .to_ascii_uppercase()
        .bytes()
        .filter(u8::is_ascii_uppercase)
        .take(6)
        .map(|letter| LETTERS[usize::from(letter - b'A')])
        .collect()
}

/// Draws `letters` in `ink`, centred on `image`, as large as fits in `width` × `height`.
fn draw(image: &mut RgbImage, letters: &[[&str; 7]], ink: [u8; 3], (width, height): (u32, u32)) {
    let columns = u32::try_from(letters.len() * 6).unwrap_or(1).max(2) - 1;
    let dot = (width / columns).min(height / 7).max(1);
    let left = (image.width() - columns * dot) / 2;
    let top = (image.height() - 7 * dot) / 2;
    for (index, letter) in (0u32..).zip(letters) {
        for (row, line) in (0u32..).zip(letter) {
            for (column, _) in (0u32..).zip(line.bytes()).filter(|(_, b)| *b == b'#') {
                let x = left + (index * 6 + column) * dot;
                let y = top + row * dot;
                for (dx, dy) in (0..dot).flat_map(|dx| (0..dot).map(move |dy| (dx, dy))) {
                    image.put_pixel(x + dx, y + dy, Rgb(ink));
                }
            }
        }
    }
}

/// A 400-pixel logo: `acronym` in `accent` on a white tile framed in `accent` (PNG, opaque).
pub fn logo(accent: &str, acronym: &str) -> Vec<u8> {
    let accent = rgb(accent);
    let mut image = ImageBuffer::from_fn(400, 400, |x, y| {
        let frame = !(16..384).contains(&x) || !(16..384).contains(&y);
        Rgb(if frame { accent } else { [255, 255, 255] })
    });
    draw(&mut image, &monogram(acronym), accent, (320, 180));
    png(image)
}

/// An 800 × 600 portrait stand-in: `person`'s initials in white on `accent`, a little darker
/// towards one corner, a different one per `index` (PNG, opaque).
pub fn photo(accent: &str, person: &str, index: usize) -> Vec<u8> {
    let [r, g, b] = rgb(accent);
    let corner = index % 4;
    let mut image = ImageBuffer::from_fn(800, 600, |x, y| {
        let (fx, fy) = (x as f32 / 800.0, y as f32 / 600.0);
        let t = match corner {
            0 => fx + fy,
            1 => (1.0 - fx) + fy,
            2 => fx + (1.0 - fy),
            _ => 2.0 - fx - fy,
        } / 2.0;
        let shade = |c: u8| (f32::from(c) * (1.0 - 0.35 * t)) as u8;
        Rgb([shade(r), shade(g), shade(b)])
    });
    let initials: String = person
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect();
    draw(
        &mut image,
        &monogram(&initials),
        [255, 255, 255],
        (360, 260),
    );
    png(image)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(png: &[u8]) -> RgbImage {
        image::load_from_memory(png).unwrap().to_rgb8()
    }

    /// WCAG relative luminance of a colour.
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    #[test]
    fn logos_and_portraits_read_on_any_background() {
        let logo = decoded(&logo("#23234D", "ANSSI"));
        assert_eq!(
            logo.get_pixel(200, 30).0,
            [255, 255, 255],
            "an opaque white tile"
        );
        let ink = logo.pixels().filter(|p| p.0 == [0x23, 0x23, 0x4D]).count();
        assert!(
            ink > 400 * 16 * 4,
            "a frame and letters in the accent colour: {ink}"
        );
        let portrait = decoded(&photo("#23234D", "Nadia Benali", 1));
        let white = portrait.pixels().filter(|p| p.0 == [255, 255, 255]).count();
        assert!(white > 10_000, "the initials in white: {white}");
    }

    #[test]
    fn every_demo_accent_carries_white_letters() {
        let ministries: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("data/ministries.json")).unwrap();
        for ministry in ministries {
            let accent = ministry["accent_color"].as_str().unwrap();
            let contrast = (1.05) / (luminance(rgb(accent)) + 0.05);
            assert!(contrast >= 4.5, "{accent}: {contrast:.2}");
        }
    }

    #[test]
    fn monograms_keep_letters_only() {
        assert_eq!(monogram("DGFiP").len(), 5);
        assert_eq!(monogram("É. B.").len(), 2);
        assert!(monogram("1 2 3").is_empty());
    }
}
