//! Every integration test in one binary, so `cargo test` links the crate once rather
//! than once per file. Two stay their own binaries because they replace the global
//! allocator, which must not apply to the other tests: `fuzz_regressions` (a capped one,
//! and it re-runs itself per input) and `analytics_scale` (a counting one that measures
//! peak heap).

mod charts_support;
mod summary_support;

mod analytics_experience;
mod analytics_filter;
mod analytics_flows;
mod analytics_funnel;
mod analytics_journey_map;
mod analytics_kpi_period;
mod analytics_kpis;
mod analytics_nps;
mod analytics_order;
mod analytics_steps;
mod charts_colours;
mod charts_experience;
mod charts_flows;
mod charts_funnel;
mod charts_gallery;
mod charts_journey_map;
mod charts_kpi_card;
mod charts_nps_kpi;
mod charts_props;
mod cli_pipe;
mod dataset_dictionary;
mod dimensions;
mod export_csv;
mod generate_csv;
mod generate_sample;
mod hostile_inputs;
mod i18n_catalog;
mod ingest_csv;
mod ingest_encoding;
mod ingest_json;
mod ingest_parallel;
mod ingest_props;
mod ingest_real;
mod ingest_speed;
mod ingest_split;
mod journeys;
mod messages;
mod milestones_join;
mod present_labels;
mod present_tables;
mod sample_report;
mod share_embed;
mod share_i18n;
mod share_link;
mod share_message;
mod stage_vocabulary;
mod status_reading;
mod storage_policy;
mod summary_duckdb;
mod summary_feed;
mod summary_spark;
mod trend_periods;
