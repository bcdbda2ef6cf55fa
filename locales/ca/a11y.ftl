# Accessibilitat: ús dels gràfics amb el teclat, enllaç per saltar al contingut.
a11y-chart = gràfic
a11y-chart_keys = Les fletxes passen d'un punt de dades a un altre, Inici i Fi van al primer i a l'últim, i Esc surt dels punts.
a11y-skip = Salta al contingut
