# Several files and milestone-date files (Data view).
files-add = Add a file
files-add_help = Add another export of the same customers (reviews, payments…). Its rows join the loaded data through its own customer column or a column shared with the files already loaded, such as an order number. Rows whose key matches nothing or several customers are counted, not guessed.
files-ambiguous_keys = Keys that belong to more than one customer (not loaded): { $keys }
files-col_ambiguous = Ambiguous
files-col_file = File
files-col_key = Joined on
files-col_loaded = Rows loaded
files-col_matched = Matched
files-col_rejected = Rejected
files-col_unmatched = Unmatched
files-download_rejected = Download its rejected rows (CSV)
files-download_unmatched = Download unmatched rows (CSV)
files-key = Key column
files-key_auto = Find automatically
files-mapping_of = Column mapping of { $name }
files-no_nps = None of the loaded files has a 0–10 “How likely are you to recommend us?” question, so there is no NPS. Review scores and other ratings are satisfaction (CSAT): see the Experience map and the KPIs.
files-own_customers = its own customer column
files-remove = Remove
files-title = Files
milestones-by_date = Order by date
milestones-column = Date column
milestones-file_order = Order as in the file
milestones-help = Each ticked column becomes a stage, in this order: a row's date in it is when the stage was reached, an empty cell means it was not. Other columns go on every event of the row, except scores, revenue and the comment, which go on one stage only.
milestones-measures_on = Scores, revenue and comment on
milestones-move_down = Move down
milestones-move_up = Move up
milestones-stage = Stage
milestones-stage_name = Stage name for { $column }
milestones-use = Use these date columns as journey stages

# Header of the rejected-rows CSV download.
export-rejected_line = line
export-rejected_column = column
export-rejected_reason = reason

# An interval column of a CSV download becomes two: "95% interval (lower bound)", "… (upper bound)".
export-low = lower bound
export-high = upper bound
# Drawn under the title of a downloaded chart image.
export-png_source = Data: { $name } · { $date }
