"""Web inputs: polite cached fetching, article extraction from HTML, feeds and URL lists."""
