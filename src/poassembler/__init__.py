"""poassembler: drafts stipulated protective orders for US federal civil cases, court by court."""

__version__ = "0.1.0"
