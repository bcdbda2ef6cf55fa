# Lectura de un CSV grande con Web Workers (src/ui/workers.rs, src/bin/parse-worker.rs).
workers-failed = { $name }: no se ha podido leer el archivo en segundo plano ({ $reason }). Los datos en pantalla no han cambiado; vuelve a cargar el archivo.
workers-reason-no_file = no hay ningún archivo que leer
workers-reason-no_range = no se ha indicado qué parte del archivo hay que leer
workers-reason-options = no se ha podido leer la configuración de la carga
workers-reason-sniff = no se ha podido leer el inicio del archivo
workers-reason-read = el navegador dice: { $detail }
workers-reason-unreadable = una parte del archivo ha llegado ilegible
workers-reason-part_missing = una parte del archivo no ha llegado nunca
msg-error-part_unreadable = Una parte del archivo leída en segundo plano ha llegado dañada: vuelve a cargar el archivo.
