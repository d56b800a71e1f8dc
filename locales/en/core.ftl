## Conversation core: greetings, help, roles, errors.

welcome = { $role ->
    [official] Hello, official! I am the commune's "Friendly government" assistant.
    [manager] Hello, manager! I am the "Friendly government" assistant.
   *[other] Hello! I am the "Friendly government" assistant of the commune People's Committee. Ask me about an administrative procedure in your own words, for example: "what do I need to register my child's birth".
}
help-intro = { $role ->
    [official] Commands for officials:
    [manager] Commands for managers:
    [admin] Commands for administrators:
   *[other] You can use these commands:
}
help-ask = Or just type a question about a procedure (with or without Vietnamese accents).
cmd-help = show help and the command list
cmd-lang = change language (Tiếng Việt / English)
cmd-cancel = cancel what you were doing
cancelled = Cancelled.
unknown-command = I don't know the command { $command }.
button-expired = This button is no longer valid. Please start again.
start-link-unknown = This link is invalid or has expired.
error-generic = Sorry, something went wrong while handling your request. Please try again in a few minutes.
error-too-long = Your message is too long (at most { $max } characters). Please keep it shorter.
lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Switched to English.
role-citizen = citizens
role-official = commune officials
role-manager = managers
role-admin = administrators
refused-role = Sorry, this command is only for { $allowed }. Your account is registered as { $role }.
refused-hint-signup = If you are an official, send /dangky with the invitation code you were given.
console-banner = Console chat as user "{ $user }". Type a number to press a button, /thoat to quit.
console-start = The service is running (check { $url }/healthz). No Telegram or Zalo configured, so the console chat is open.
console-file-saved = [file saved: { $path } ({ $bytes } bytes)]
console-image-saved = [picture saved: { $path } — { $alt }]
rate-limited = You are sending messages too quickly. Please wait a minute and try again.
