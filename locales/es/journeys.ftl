# Un viaje del cliente cada vez: el selector encima de cada vista (issue 19).
journeys-label = Viaje del cliente
journeys-option = { $name } ({ $customers ->
        [one] { $customers } cliente
       *[other] { $customers } clientes
    })
journeys-all = Todos los viajes ({ $customers ->
        [one] { $customers } cliente
       *[other] { $customers } clientes
    })
journeys-all_short = Todos los viajes
journeys-help = Cada viaje tiene sus propias etapas: las vistas muestran uno cada vez.
journeys-unknown = Los datos no tienen ningún viaje «{ $name }».
