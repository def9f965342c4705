from devtools.contract.live import main

raise SystemExit(main())
