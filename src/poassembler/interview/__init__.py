"""The questionnaire: the question plan, the one ask loop, the questionary front end."""
