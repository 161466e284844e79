"""A seeded synthetic case world: legitimate waste trade, split-shipment rings through shell
companies, linked seizure cases and a route shift after an enforcement date."""
