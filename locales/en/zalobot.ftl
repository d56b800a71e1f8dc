## Zalo Bot channel (no Official Account needed): the platform has no buttons, so choices are
## numbered and people answer with the number.

zalobot-choose = Reply with a number to choose.
# Files (such as the Excel report) cannot be sent through Zalo Bot: a download link that expires is sent.
zalobot-file-link = 📎 { $name }: { $url } (download within { $minutes } minutes)
zalobot-file-unavailable = 📎 The file { $name } cannot be sent through Zalo Bot. Please use Telegram or ask the one-stop desk.
