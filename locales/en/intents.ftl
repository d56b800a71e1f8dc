## Free text answered before the search: complaints, "my dossier", greetings, thanks.

intent-complaint-apology = { $category ->
    [known] We are sorry this happened. You can file a complaint ({ $label }): the commune will look into it, answer you and publish the outcome. You may stay anonymous.
   *[other] We are sorry for the poor experience. You can file a complaint: the commune will look into it, answer you and publish the outcome. You may stay anonymous.
}
intent-complaint-file = { $label ->
    [none] File a complaint
   *[other] File a complaint: { $label }
}
intent-dossier-followed = { $count ->
    [1] The dossier you follow:
   *[other] The dossiers you follow:
}
intent-dossier-ask-code = You do not follow any dossier yet. Send the code printed on your receipt (for example ABCD-2345) and I will look up its status and tell you when it is ready.
intent-greeting = Hello! Which procedure would you like to ask about? For example: "birth registration for my baby".
intent-thanks = You're welcome! Ask me anything else any time.
