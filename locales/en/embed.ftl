# Share by link, embedding, offline updates and printing.

share-expects_file = This link shows a view of “{ $name }”, a file on the sender's computer. Choose that file to see the same view; what you see now is other data.
share-expects_pasted = This link was made from pasted data, which a link cannot carry. Choose the same data as a file to see the same view.
share-expects_feed = This link shows the feed { $url }, which could not be opened here.
share-pick = Choose the file…
embed-dates = Dates
embed-locked = Filters chosen by this page
embed-no_filters = All data, no filters
print-action = Print / save as PDF
print-view = This view
print-all = All four views
print-all_title = Funnel, experience map, NPS and KPIs
print-no_filters = none (all data)
print-source = Data: { $name }
print-filters = Filters: { $filters }
print-date = Printed on { $date }
update-available = A new version of Journey Lens is available.
update-reload = Reload
