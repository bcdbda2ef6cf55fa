# What the core layers report, as sentences (src/message.rs, src/present/message.rs).
# Id = msg- followed by the message kind with "." written "-". Placeholders are the
# message's facts; counts choose the plural form.

## Row problems (why a cell or a whole record was refused)

msg-row-customer_missing = Customer ID is missing
msg-row-nested_text = The value must be text or a number, not a list or object
msg-row-nested_date = Date must be text, not a list or object
msg-row-nested_number = { $field } must be a number, not a list or object
msg-row-date_out_of_range = Date "{ $value }" is outside the years { $min }–{ $max } (epoch numbers must be seconds or milliseconds)
msg-row-date_unrecognised = Date not recognised: "{ $value }" (write it like 2024-03-15, 15/03/2024 or 15.03.2024 14:30)
msg-row-not_a_number = { $field } must be a number, got "{ $value }"
msg-row-out_of_scale = { $field } must be a number from { $scale }, got { $value }
msg-row-out_of_scale_whole = { $field } must be a whole number from { $scale }, got { $value }
msg-row-wrong_width = This row has { $values ->
    [one] { $values } value
   *[other] { $values } values
} but the header has { $columns } columns
msg-row-unclosed_quote = This row has { $values ->
    [one] { $values } value
   *[other] { $values } values
} but the header has { $columns } columns: an unclosed quote at line { $from } joined lines { $from }–{ $to }; the lines after it were read again one by one
msg-row-nul_bytes = This row contains NUL bytes (binary data): the file may be damaged or not a text export
msg-row-not_an_object = This event is not an object of named values
msg-row-invalid_json_line = This line is not valid JSON ({ $detail })
msg-whole_row = (whole row)
msg-extra_column = column { $n }
msg-jes_no_data = JES = n/a (no component has data)
msg-need-stage_after_conversion = a stage after the conversion stage

## Load notes (decisions taken on the user's behalf)

msg-load-not_utf8 = The file is not UTF-8; it was read as { $encoding }.
msg-load-unwrapped = Every line was wrapped in quotes (an Excel re-save); the lines were unwrapped and split on '{ $delimiter }'.
msg-load-dimensions_capped = Only the first { $kept } extra columns are kept as filters; { $dropped } more were not loaded. Map a column to a role, or ignore others, to keep it.
msg-load-decimal_comma = Numbers were read with a decimal comma (1.234,5 means one thousand two hundred thirty-four and a half).
msg-load-short_rows = { $count ->
    [one] { $count } row had fewer columns than the header; the missing trailing values were taken as empty.
   *[other] { $count } rows had fewer columns than the header; the missing trailing values were taken as empty.
}
msg-load-long_empty_rows = { $count ->
    [one] { $count } row had more columns than the header, all of them empty; the empty extra columns were ignored.
   *[other] { $count } rows had more columns than the header, all of them empty; the empty extra columns were ignored.
}
msg-load-blank_lines = { $count ->
    [one] { $count } empty line (only separators or spaces) was skipped.
   *[other] { $count } empty lines (only separators or spaces) were skipped.
}
msg-load-ndjson_lines = Row numbers are line numbers of the NDJSON feed.
msg-load-feed_positions = Row numbers are event positions in the feed (1 = first event).
msg-load-dates_read_day_first = Dates in '{ $column }' read as day/month/year.
msg-load-dates_read_day_first_assumed = Dates in '{ $column }' read as day/month/year (no day above 12 was found, so the European order was assumed).
msg-load-dates_read_month_first = Dates in '{ $column }' read as month/day/year.
msg-load-dates_unreadable_day_first = { $count ->
    [one] { $count } date in '{ $column }' does not exist when read as day/month/year and was left empty.
   *[other] { $count } dates in '{ $column }' do not exist when read as day/month/year and were left empty.
}
msg-load-dates_unreadable_month_first = { $count ->
    [one] { $count } date in '{ $column }' does not exist when read as month/day/year and was left empty.
   *[other] { $count } dates in '{ $column }' do not exist when read as month/day/year and were left empty.
}
msg-load-satisfaction_outside = { $count ->
    [one] { $count } satisfaction value falls outside the declared { $declared } scale and its row was rejected.
   *[other] { $count } satisfaction values fall outside the declared { $declared } scale and their rows were rejected.
}
msg-load-satisfaction_outside_fits = { $count ->
    [one] { $count } satisfaction value falls outside the declared { $declared } scale and its row was rejected.
   *[other] { $count } satisfaction values fall outside the declared { $declared } scale and their rows were rejected.
} The values look like a { $suggested } scale: declare it and load again to keep them.
msg-load-errors_truncated = Only the first { $listed } problems are listed; { $more } more were counted.
msg-load-row_number_as_customer = Each row was loaded as its own customer, named by its line number.

## How dates were written

msg-date-iso = year-month-day (ISO 8601)
msg-date-year_slash = year/month/day
msg-date-dotted = day.month.year
msg-date-dashed = day-month-year
msg-date-day_first = day/month/year
msg-date-month_first = month/day/year

## Filter notes

msg-filter-bad_date = "{ $value }" is not a date Journey Lens understands; write it like 2024-03-31
msg-filter-date_ignored = "{ $value }" is not a date Journey Lens understands; write it like 2024-03-31. The date range ignores it.
msg-filter-no_such_dimension = The data has no "{ $dimension }" column, so the filter on it matches no events.

## Funnel notes

msg-funnel-no_time_for_order = The data has no timestamps, so the funnel ignores stage order.
msg-funnel-no_time_for_window = The data has no timestamps, so the conversion window is not applied.
msg-funnel-bad_window = A conversion window must be zero or more days; it is not applied.
msg-funnel-meta_order_wins = The feed sets its own stage order, so the stage order in the settings is not used.
msg-funnel-placed_by_data = { $count ->
    [one] Stage order from the built-in stage names; { $count } stage placed by the data (median time customers first reach it): { $stages }.
   *[other] Stage order from the built-in stage names; { $count } stages placed by the data (median time customers first reach them): { $stages }.
}
msg-funnel-unknown_conversion_stage = The conversion stage "{ $stage }" is not one of the funnel stages; using the default instead.
msg-funnel-saved_order_mismatch = { $count ->
    [one] The saved stage order names { $count } stage this data does not have ({ $absent }); it is left out of the funnel.
   *[other] The saved stage order names { $count } stages this data does not have ({ $absent }); they are left out of the funnel.
}{ $new_count ->
    [0] {""}
   *[other] {" "}Stages of this data that the order lacks: { $new }.
}
msg-funnel-saved_order_ignored = The saved stage order ({ $stages }) names none of this data's stages; the automatic order is used.
msg-funnel-long_order_trimmed = The feed's stage order lists { $listed } stages; { $count ->
    [one] { $count } of them, which no customer reached, is left out of the funnel.
   *[other] { $count } of them, which no customer reached, are left out of the funnel.
}

## Priority matrix: why a touchpoint is left out

msg-priority-too_few = fewer than { $min } customers with both a satisfaction and an NPS answer
msg-priority-no_variation = all answers are the same, so no correlation can be measured

## Errors that stop a load

msg-error-empty = The file is empty: there is nothing to load.
msg-error-header_only = The file has a header line but no data rows: export it again with the data included.
msg-error-not_csv = This looks like { $what ->
    [png] a PNG image
    [zip] an Excel workbook or ZIP archive
    [pdf] a PDF document
    [gzip] a GZIP-compressed file
    [xls] an old Excel (.xls) workbook
    [jpeg] a JPEG image
    [gif] a GIF image
   *[binary] a binary file
}, not a CSV file. Export your data as CSV and try again.
msg-error-only_one_column = Only one column was found (header "{ $header }"): the file may use a separator Journey Lens does not recognise, or every line is wrapped in quotes. Save it again as CSV separated by commas or semicolons.
msg-error-too_many_columns = The file has more than { $limit } columns (or, in a JSON feed, more than { $limit } different field names): it does not look like an event export. Keep the columns you need and try again.
msg-error-no_customer_column = No customer column found among: { $columns }. Map one column to "customer_id", or load each row as its own customer.
msg-error-no_measure_column = The data needs at least one of a stage, satisfaction or NPS column, and none was found. Map a column to one of them.
msg-error-duplicate_role = Both "{ $first }" and "{ $second }" are mapped to { $role }: only one column can have that role.
msg-error-unknown_column = The file has no column named "{ $column }".
msg-error-not_json = The feed is not valid JSON (line { $line }, column { $column }: { $detail }).
msg-error-wrong_json_shape = The feed is JSON but not a list of events: { $shape ->
    [events_not_array] "events" must be an array of objects
    [events_not_objects] the events must be objects such as {"{"}"customer_id": "c1", "stage": "visit"{"}"}
   *[not_a_feed] expected an array or an object with an "events" array
}.
msg-error-meta_not_object = The feed's "meta" section could not be read: it must be an object.
msg-error-bad_meta = The feed's "meta" section could not be read: { $detail }.
msg-error-bad_scale = The feed's "meta" section could not be read: scale "{ $scale }": { $detail }.
msg-error-scale_order = The feed's "meta" section could not be read: scale "{ $scale }" must have min below max.
msg-error-finished = This load has already finished.

## Charts that could not be drawn

msg-chart_error-backend = The chart could not be drawn ({ $detail }). Try resizing the window or reloading the page.
msg-chart_error-busy = The chart could not be drawn because its drawing surface was busy. Please try again.

## Milestone-date files and files joined by a key (issue 12)
msg-error-no_milestones = Choose at least one date column to use as a journey stage.
msg-error-no_key = This file has no customer column and no key column shared with the files already loaded (its columns: { $columns }). Map a customer column, or choose the column that links it to them (such as an order number).
msg-row-no_milestone_date = No milestone date: none of the stage columns has a date
msg-load-milestone_dates_unreadable_day_first = { $count } { $count ->
    [one] date
   *[other] dates
} in "{ $column }" (stage { $stage }) do not exist when read as day/month/year and were left empty.
msg-load-milestone_dates_unreadable_month_first = { $count } { $count ->
    [one] date
   *[other] dates
} in "{ $column }" (stage { $stage }) do not exist when read as month/day/year and were left empty.
msg-load-milestone_events = Each row became one event per date column reached, as the stages { $stages }: { $rows } { $rows ->
    [one] row
   *[other] rows
} gave { $events } { $events ->
    [one] event
   *[other] events
}.
msg-join-unmatched_no_key = the key is empty
msg-join-unmatched_not_found = no earlier file has this key
msg-join-unmatched_ambiguous = this key belongs to more than one customer
msg-join-first_file_needs_customer = { $file }: the first file needs a customer column; add files that only share a key (such as an order number) after it.
msg-join-key_not_in_file = { $file }: the key column "{ $key }" is not loaded from this file. Keep it as a column (role "dimension").
msg-join-key_not_in_earlier_files = { $file }: none of the files before it has the key column "{ $key }".
