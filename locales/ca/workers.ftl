# Lectura d'un CSV gran amb Web Workers (src/ui/workers.rs, src/bin/parse-worker.rs).
workers-failed = { $name }: no s'ha pogut llegir el fitxer en segon pla ({ $reason }). Les dades de la pantalla no han canviat; torna a carregar el fitxer.
workers-reason-no_file = no hi ha cap fitxer per llegir
workers-reason-no_range = no s'ha indicat quina part del fitxer cal llegir
workers-reason-options = no s'ha pogut llegir la configuració de la càrrega
workers-reason-sniff = no s'ha pogut llegir l'inici del fitxer
workers-reason-read = el navegador diu: { $detail }
workers-reason-unreadable = una part del fitxer ha tornat il·legible
workers-reason-part_missing = una part del fitxer no ha tornat mai
msg-error-part_unreadable = Una part del fitxer llegida en segon pla ha tornat malmesa: torna a carregar el fitxer.
