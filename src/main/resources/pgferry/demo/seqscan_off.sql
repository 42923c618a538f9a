SET enable_seqscan = off
