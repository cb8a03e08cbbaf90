"""Tools for the CETR Family Guide: the content checker and the benchmark scripts."""
