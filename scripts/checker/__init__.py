"""The content checker of the CETR Family Guide (run it with `python -m scripts.check`).

One pass, one direction (see CONTRIBUTING.md, "Rules of the checker"):
  load.py      reads every file once into Page and Site objects; the only place that reads files
  <family>.py  the rules, plain functions page/site -> findings: front_matter, versions, structure,
               readability, terms, settings, redirects, safety, easy_read, leaflets, links (links in
               the Markdown on every run; --links builds the site and checks it over http)
  easy_read_data.py  the Easy Read rules' pictures and word lists, from the YAML load.py read
  cli.py       main(argv) -> exit code: options, running the rules, the report
"""
