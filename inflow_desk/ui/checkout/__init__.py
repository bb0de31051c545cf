"""Creating a link: the one-time and subscription forms, the options, the result panel and QR."""
