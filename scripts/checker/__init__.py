"""The content checker of the CETR Family Guide (run it with `python -m scripts.check`).

One pass, one direction (see CONTRIBUTING.md, "Rules of the checker"):
  load.py      reads every file once into Page and Site objects; the only place that reads files
  <family>.py  the rules, plain functions page/site -> findings: front_matter, versions, structure,
               readability, terms, settings, links
  cli.py       main(argv) -> exit code: options, running the rules, the report
"""
