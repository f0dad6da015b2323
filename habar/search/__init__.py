"""Search over the store: a tantivy index fed with habar's own Kazakh analysis (see habar.search.search)."""
