# Summary feeds (docs/summary-feed.md): the banner, what needs event-level data, load notes
# and errors.
summary-banner = Summary feed from { $engine }: { $events } events were summarised where they live; every figure below that can be added up comes from it exactly.
summary-needs = Needs event-level data (shown as n/a):
summary-need-all = everything, with this filter
summary-need-dimension = everything, with this filter: it uses a column the summary feed does not carry
summary-need-partial_day = everything, with this filter: the date range starts or ends inside a day, and the feed counts whole days
summary-need-path = everything, with a journey-flow step as filter: it selects customers by their path
summary-need-customers = distinct customers, with this filter
summary-need-breakdown = the funnel breakdown by this dimension (the feed has journey, persona and channel)
summary-need-nps_breakdown = NPS by this dimension (the feed has journey, persona, channel, stage and touchpoint)
summary-need-nps_latest = NPS with only each customer’s latest answer
summary-need-cell_customers = distinct customers per grid cell (with a filter, or in “(others)”)
summary-need-comments = comments
summary-need-customer_lists = lists of customers (who dropped off after a step)
summary-need-funnel = the funnel and conversion KPIs with this filter or these funnel settings
summary-need-kpis = period over period and sparklines of the conversion-based KPIs (with a filter also distinct customers and promoters vs detractors)
summary-need-median_convert = median days to convert
summary-need-median_steps = median days between funnel steps (means are exact)
summary-need-exits_by_stage = exit touchpoints by furthest stage (this feed was written before it carried them; run make summary again)
summary-need-other = other figures
summary-need-paths = exit touchpoints and hand-offs with a filter
summary-need-priority = the priority matrix and the moments of truth (they correlate each customer’s answers)
summary-need-flows = journey flows (they follow each customer’s path, event by event)
summary-chart_needs_events = This chart needs event-level data: a summary feed keeps totals, not each customer’s path.
summary-needs_events_help = Load the events themselves (CSV or JSON) to see it; the other views are computed from the summary.
msg-need-event_level_data = event-level data
msg-load-summary_feed = { $events ->
    [one] A summary feed made by { $engine } from { $events } event. Figures that need the events themselves are marked, never estimated.
   *[other] A summary feed made by { $engine } from { $events } events. Figures that need the events themselves are marked, never estimated.
}
msg-summary-not_valid = This summary feed cannot be read: { $detail }.
msg-summary-version = This summary feed has version { $found }; this Journey Lens reads version { $supported }.
msg-summary-inconsistent = This summary feed does not add up: its “{ $table }” table has columns of different lengths, or a code, day or step outside what the feed declares. Produce it again with make summary.
summary-lane_needs_events = (needs event-level data)
