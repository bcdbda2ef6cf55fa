//! The Web Worker that parses one part of a CSV file for the page (see
//! `ingest::parallel`): it reads its byte range of the `File` itself with `Blob.slice`,
//! parses it with its own wasm instance into columnar chunks with local dictionaries, and
//! transfers them back as one buffer. No SharedArrayBuffer, so any static host will do.
//!
//! Messages, page → worker: `{file, start, end, head, complete, first, last, options}`
//! (options as JSON). Worker → page: `{ready: true}` once it listens (messages sent
//! before would be lost), `{progress: bytes, rows}` while reading, then `{done: Uint8Array}`
//! or `{error: kind, detail}`: the kind a word the page turns into the user's language
//! (`no_file`, `no_range`, `options`, `sniff`, `read`), the detail the browser's own words
//! for `read` (empty otherwise). A worker the page names `warm` (started before a file is
//! chosen) first parses generated events, so its parse code is optimised when the job comes
//! (`ingest::parallel::warm_up`). Built by Trunk as a worker (`data-type="worker"` in index.html).

#[cfg(target_arch = "wasm32")]
mod worker {
    use journey_lens::ingest::csv::{CsvOptions, PartReader};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

    use journey_lens::ingest::parallel::{WARM_NAME, WARM_UP_EVENTS};

    /// Bytes read and parsed between two progress messages.
    const PIECE: f64 = 4.0 * 1024.0 * 1024.0;

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn message(pairs: &[(&str, JsValue)]) -> JsValue {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o.into()
    }

    /// Why a job failed; the page words it.
    enum JobError {
        NoFile,
        NoRange,
        Options,
        Sniff,
        /// Reading the file failed: the browser's own words.
        Read(String),
    }

    impl JobError {
        fn message(&self) -> JsValue {
            let (kind, detail) = match self {
                JobError::NoFile => ("no_file", ""),
                JobError::NoRange => ("no_range", ""),
                JobError::Options => ("options", ""),
                JobError::Sniff => ("sniff", ""),
                JobError::Read(d) => ("read", d.as_str()),
            };
            message(&[
                ("error", JsValue::from_str(kind)),
                ("detail", JsValue::from_str(detail)),
            ])
        }
    }

    fn js_text(v: JsValue) -> JobError {
        JobError::Read(match v.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => v.as_string().unwrap_or_default(),
        })
    }

    /// Parses the part a job describes; the part's bytes, or why not.
    fn run(scope: &DedicatedWorkerGlobalScope, job: &JsValue) -> Result<Vec<u8>, JobError> {
        let file: Blob = get(job, "file").dyn_into().map_err(|_| JobError::NoFile)?;
        let (start, end) = (get(job, "start").as_f64(), get(job, "end").as_f64());
        let (Some(start), Some(end)) = (start, end) else {
            return Err(JobError::NoRange);
        };
        let head = Uint8Array::new(&get(job, "head")).to_vec();
        let flag = |k: &str| get(job, k).as_bool().unwrap_or(false);
        let options: CsvOptions = get(job, "options")
            .as_string()
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or(JobError::Options)?;
        // The page sniffed the same head before sending the job, so this is not expected.
        let mut reader = PartReader::new(&head, flag("complete"), flag("first"), &options)
            .map_err(|_| JobError::Sniff)?;
        reader.expect_bytes(&head, (end - start).max(0.0) as u64);
        let sync = FileReaderSync::new().map_err(js_text)?;
        let mut at = start;
        while at < end {
            let to = (at + PIECE).min(end);
            let slice = file.slice_with_f64_and_f64(at, to).map_err(js_text)?;
            let buf = sync.read_as_array_buffer(&slice).map_err(js_text)?;
            reader.push(&Uint8Array::new(&buf).to_vec());
            at = to;
            let progress = message(&[
                ("progress", JsValue::from_f64(at - start)),
                ("rows", JsValue::from_f64(reader.records() as f64)),
            ]);
            let _ = scope.post_message(&progress);
        }
        Ok(reader.finish(flag("last")).to_bytes())
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let s = scope.clone();
        let on_job = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let _ = match run(&s, &e.data()) {
                Ok(bytes) => {
                    let out = Uint8Array::from(&bytes[..]);
                    drop(bytes);
                    let transfer = Array::of1(&out.buffer());
                    s.post_message_with_transfer(&message(&[("done", out.into())]), &transfer)
                }
                Err(why) => s.post_message(&why.message()),
            };
        });
        scope.set_onmessage(Some(on_job.as_ref().unchecked_ref()));
        on_job.forget();
        // Started ahead of a file (named "warm" by the page): optimise the parse code first.
        if scope.name() == WARM_NAME {
            journey_lens::ingest::parallel::warm_up(WARM_UP_EVENTS);
        }
        let _ = scope.post_message(&message(&[("ready", JsValue::TRUE)]));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
