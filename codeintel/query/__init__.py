"""CodeGraph: the read-only query API over the finished graph, and its JSON form."""
