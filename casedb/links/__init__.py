"""Links between cases and parties: linked cases, networks, graph maths, layout."""
