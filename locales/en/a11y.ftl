# Accessibility: keyboard use of charts, skip link.
a11y-chart = chart
a11y-chart_keys = Arrow keys move between the data points, Home and End go to the first and last, Escape leaves the points.
a11y-skip = Skip to content
