"""Geography shared by the pipeline stages: the place gazetteer (``places.py``)."""
