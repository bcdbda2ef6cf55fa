# Reading a big CSV file in Web Workers (src/ui/workers.rs, src/bin/parse-worker.rs).
workers-failed = { $name }: reading the file in the background failed ({ $reason }). The data on screen is unchanged; load the file again.
workers-reason-no_file = no file to read
workers-reason-no_range = no byte range to read
workers-reason-options = the load settings could not be read
workers-reason-sniff = the start of the file could not be read
workers-reason-read = the browser said: { $detail }
workers-reason-unreadable = a part of the file came back unreadable
workers-reason-part_missing = a part of the file never came back
msg-error-part_unreadable = A part of the file read in the background came back damaged: load the file again.
