//! Settings remembered per dataset, so choices made for one file never reshape another.
//!
//! A stage order, a conversion stage or a KPI target only mean something for the data they
//! were chosen on: carried to another file they leave its funnel empty ("0 customers
//! entering"). Datasets are told apart the way remembered column mappings are: by header
//! layout ([`crate::ingest::mapping::header_key`]), or by address for a feed. Display
//! preferences that fit any data (period size, minimum counts, list lengths) do follow the
//! user from one dataset to the next. The browser only moves this store in and out of
//! localStorage; every rule is here, tested natively.

use super::settings::Settings;
use serde::{Deserialize, Serialize};

/// Most datasets whose settings are kept; the least recently used go first.
pub const MAX_DATASETS: usize = 30;
/// Most characters the stored settings may take, a small share of the ~5 MB localStorage
/// quota shared with the mappings and the feed address.
pub const MAX_STORE_CHARS: usize = 128 * 1024;

/// The key a dataset's settings are remembered under: its feed address, or else the
/// layout of its header (the same key its column mapping is remembered under).
pub fn dataset_key(header_key: &str, feed_url: Option<&str>) -> String {
    match feed_url {
        Some(url) => format!("feed:{url}"),
        None => format!("header:{header_key}"),
    }
}

/// Settings for a dataset seen for the first time: every data-bound choice at its default,
/// the preferences that fit any data taken from `prefs`.
pub fn fresh_for_dataset(prefs: &Settings) -> Settings {
    Settings {
        period: prefs.period,
        min_count: prefs.min_count,
        top_handoffs: prefs.top_handoffs,
        nps_latest_only: prefs.nps_latest_only,
        comments_limit: prefs.comments_limit,
        sparkline_periods: prefs.sparkline_periods,
        ..Settings::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    key: String,
    settings: Settings,
}

/// Settings by dataset key, least recently used first, capped by count and size.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SettingsStore {
    entries: Vec<Entry>,
}

impl SettingsStore {
    /// Unreadable text (another version, a hand edit) is an empty store, not an error.
    pub fn parse(text: &str) -> SettingsStore {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "[]".to_string())
    }

    pub fn get(&self, key: &str) -> Option<&Settings> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.settings)
    }

    /// Dataset keys kept, least recently used first.
    pub fn keys(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.key.as_str()).collect()
    }

    /// The settings to analyse the dataset `key` with: its own if remembered, else fresh
    /// ones keeping `prefs`' display preferences. Never another dataset's choices.
    pub fn settings_for(&self, key: &str, prefs: &Settings) -> Settings {
        self.get(key)
            .cloned()
            .unwrap_or_else(|| fresh_for_dataset(prefs))
    }

    /// Keeps `settings` for `key` as the most recently used, then evicts the oldest until
    /// the store fits both caps. Settings too big to fit on their own are not kept.
    pub fn remember(&mut self, key: &str, settings: &Settings) {
        self.entries.retain(|e| e.key != key);
        let entry = Entry {
            key: key.to_string(),
            settings: settings.clone(),
        };
        // "[" + the entry + "]"
        if serde_json::to_string(&entry).map_or(usize::MAX, |t| t.len() + 2) > MAX_STORE_CHARS {
            return;
        }
        self.entries.push(entry);
        let excess = self.entries.len().saturating_sub(MAX_DATASETS);
        self.entries.drain(..excess);
        while self.to_json().len() > MAX_STORE_CHARS && !self.entries.is_empty() {
            self.entries.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::settings::{FunnelMode, PeriodKind};

    fn with_order(order: &[&str]) -> Settings {
        Settings {
            stage_order: Some(order.iter().map(|s| s.to_string()).collect()),
            conversion_stage: Some("created".to_string()),
            mode: FunnelMode::AnyOrder,
            window_days: Some(30.0),
            ..Settings::default()
        }
    }

    #[test]
    fn a_feed_is_keyed_by_address_and_a_file_by_header() {
        assert_eq!(
            dataset_key("customer|stage", Some("https://x.test/f.json")),
            "feed:https://x.test/f.json"
        );
        assert_eq!(dataset_key("customer|stage", None), "header:customer|stage");
    }

    #[test]
    fn a_stage_order_chosen_for_one_file_never_reaches_another() {
        let mut store = SettingsStore::default();
        let orders = with_order(&["created", "shipped", "delivered"]);
        store.remember("header:order_id|order_status", &orders);
        let sample = store.settings_for("header:customer_id|stage", &orders);
        assert_eq!(sample.stage_order, None);
        assert_eq!(sample.conversion_stage, None);
        assert_eq!(sample.mode, FunnelMode::Auto);
        assert_eq!(sample.window_days, None);
        assert!(sample.targets.is_empty());
    }

    #[test]
    fn display_preferences_follow_the_user_to_new_data() {
        let prefs = Settings {
            period: PeriodKind::Week,
            min_count: 5,
            nps_latest_only: true,
            stage_order: Some(vec!["a".to_string()]),
            ..Settings::default()
        };
        let fresh = fresh_for_dataset(&prefs);
        assert_eq!(fresh.period, PeriodKind::Week);
        assert_eq!(fresh.min_count, 5);
        assert!(fresh.nps_latest_only);
        assert_eq!(fresh.stage_order, None);
    }

    #[test]
    fn going_back_to_a_dataset_brings_back_its_own_settings() {
        let mut store = SettingsStore::default();
        let mut sample = Settings::default();
        sample.targets.insert("conversion".to_string(), 40.0);
        store.remember("header:sample", &sample);
        store.remember("header:orders", &with_order(&["created", "delivered"]));
        let back = store.settings_for("header:sample", &with_order(&["x"]));
        assert_eq!(back.stage_order, None);
        assert_eq!(back.targets.get("conversion"), Some(&40.0));
        let text = store.to_json();
        let again = SettingsStore::parse(&text);
        assert_eq!(
            again
                .get("header:orders")
                .and_then(|s| s.stage_order.clone()),
            Some(vec!["created".to_string(), "delivered".to_string()])
        );
    }

    #[test]
    fn the_least_recently_used_dataset_goes_first() {
        let mut store = SettingsStore::default();
        for i in 0..MAX_DATASETS {
            store.remember(&format!("header:f{i}"), &Settings::default());
        }
        // Using f0 again makes it the newest, so f1 is the one that goes.
        store.remember("header:f0", &Settings::default());
        store.remember("header:new", &Settings::default());
        let keys = store.keys();
        assert_eq!(keys.len(), 30);
        assert_eq!(keys[0], "header:f2");
        assert_eq!(keys[28], "header:f0");
        assert_eq!(keys[29], "header:new");
        assert!(store.get("header:f1").is_none());
    }

    #[test]
    fn huge_settings_are_capped_by_size() {
        let mut store = SettingsStore::default();
        store.remember("header:small", &Settings::default());
        let long: Vec<String> = (0..20_000).map(|i| format!("stage {i}")).collect();
        let huge = Settings {
            stage_order: Some(long),
            ..Settings::default()
        };
        store.remember("header:huge", &huge);
        assert!(store.to_json().len() <= MAX_STORE_CHARS);
        assert!(store.get("header:huge").is_none());
        assert_eq!(store.keys(), vec!["header:small"]);
    }

    #[test]
    fn unreadable_text_is_an_empty_store() {
        assert!(SettingsStore::parse("{not json").keys().is_empty());
        assert!(SettingsStore::parse("[{\"key\":1}]").keys().is_empty());
    }
}
