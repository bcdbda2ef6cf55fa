//! One accent folding for every name the app matches: column headers (`ingest::mapping`)
//! and stage names (`analytics::stages`). Users type "Consideración", "consideracion" or
//! "CONSIDERACIÓN", "Kanał" or "kanal", and mean one thing; two tables that folded
//! different letters made a header match where the same word as a stage did not.

/// ASCII form of the accented letters our four languages use.
pub fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => "a",
        'ć' | 'č' | 'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ł' => "l",
        'ń' | 'ñ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
        'ś' | 'š' => "s",
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'œ' => "oe",
        'æ' => "ae",
        'ø' => "o",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letters_of_catalan_spanish_and_polish_fold_to_ascii() {
        let folded: String = "àçéíïòóúüñłąęśżźćń"
            .chars()
            .map(|c| fold(c).unwrap_or("?"))
            .collect();
        assert_eq!(folded, "aceiioouunlaeszzcn");
        assert_eq!(fold('ß'), Some("ss"));
        assert_eq!(fold('a'), None);
        assert_eq!(fold('·'), None);
    }
}
