# Accesibilidad: uso de los gráficos con el teclado, enlace para saltar al contenido.
a11y-chart = gráfico
a11y-chart_keys = Las flechas pasan de un punto de datos a otro, Inicio y Fin van al primero y al último, y Esc sale de los puntos.
a11y-skip = Saltar al contenido
