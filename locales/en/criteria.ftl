## "Friendly government" criteria: monthly reminders, progress reports, managers' commands.

criteria-cmd-capnhat = report progress on the criteria assigned to you
criteria-cmd-tiendo = see a commune's progress on the criteria
criteria-cmd-xephang = rank the communes by self-score
criteria-cmd-baocao = get the monthly report (Excel file), e.g. /baocao 2026-11
criteria-cmd-phancong = assign an official to each criterion

## Common words

criteria-status-not_started = Not started
criteria-status-in_progress = In progress
criteria-status-done = Done
criteria-heading = { $code } · { $title } ({ $bonus ->
    [yes] bonus, up to { $max }
   *[no] { $max } points
})
criteria-report-line = { $status } · self-score { $score }/{ $max } (reported { $month })
criteria-no-report = No report yet this year.
criteria-owner-none = not assigned
criteria-stars = { $stars ->
    [0] no star level
   *[other] { $stars }★
}
criteria-set-line = Criteria set of { $decision } ({ $province })
criteria-commune-set = { $commune } · { $decision }
criteria-evidence-missing = Evidence still missing: { $docs }
criteria-evidence-complete = Evidence complete.
criteria-report-button = Report { $code }
criteria-skip = Skip
criteria-more-communes = … and { $count } more communes: send /baocao for the full list.

## Scope and choosing a commune

criteria-choose-commune = Choose a commune:
criteria-unknown-commune = There is no commune with code { $code }. Please check the code.
criteria-out-of-scope = Commune { $code } is outside the area you may see.
criteria-commune-not-allowed = This commune is outside the area you may see.
criteria-no-scope = Your account is not linked to any commune yet. Please contact the administrator.
criteria-too-many-communes = Your area has { $count } communes. Please send /{ $command } with a commune code, e.g. /{ $command } BG-TANTIEN.
criteria-no-set = { $commune } follows no criteria set for { $year }.

## Monthly reminder, nudge before the deadline, summary after it

criteria-remind-title = Reminder for { $month }: "friendly government" criteria
criteria-remind-intro = You are responsible for { $count } criteria. Where they stood last month:
criteria-remind-deadline = Progress reports for this month are due by { $date }. Press a button below to report on each criterion, or send /capnhat.
criteria-nudge-title = The progress report for { $month } is due soon ({ $date }).
criteria-nudge-intro = You have { $count } criteria not yet reported this month:
criteria-nudge-end = Please report by { $date }: press a button below or send /capnhat.
criteria-summary-title = Criteria progress for { $month } (reports were due { $date })
criteria-summary-complete = { $done }/{ $count } communes reported on every criterion.

## /tiendo

criteria-progress-title = Criteria progress: { $commune }, { $month }
criteria-month-reported = reported this month
criteria-month-missing = not reported this month
criteria-progress-total = Total self-score: { $score }/{ $max } → { $stars }
criteria-floors-met = Minimum points of every criterion: met.
criteria-floors-missed = Below the minimum points on: { $codes }.
criteria-recognition = { $yes ->
    [yes] With these results the commune qualifies to be proposed for recognition.
   *[no] With these results the commune does not yet qualify for recognition.
}
criteria-late-title = Not reported for { $month }:
criteria-late-line = • { $owner }: { $codes }
criteria-all-reported = Every criterion has been reported this month.

## /xephang

criteria-rank-title = { $count } communes ranked by self-score, { $month }
criteria-rank-recognition = { $reached }/{ $count } communes ({ $percent }%) reach recognition{ $hasTarget ->
    [yes] , target { $target }%
   *[no] {""}
}.
criteria-rank-stars = Spread: { $list }
criteria-commune-line = { $rank ->
    [0] {""}
   *[other] { $rank }.{" "}
}{ $commune }: { $score }/{ $max } · { $stars } · reported { $reported }/{ $count }{ $recognized ->
    [yes] {" "}✓
   *[no] {""}
}
criteria-rank-without-set = { $count } communes follow no criteria set for { $year }.

## /capnhat: reporting progress

criteria-report-choose = Choose the criterion to report on for { $month }:
criteria-report-none = No criteria are assigned to you for { $year }. The commune's leaders assign them with /phancong.
criteria-report-not-owner = This criterion belongs to another official; you can only report on the criteria assigned to you. Nothing was changed.
criteria-report-unknown = Criterion { $code } is not among the criteria assigned to you. Send /capnhat to see them.
criteria-ask-status = Report for { $month }. How far along is this criterion?
criteria-use-buttons = Please choose one of the buttons below.
criteria-ask-score = Your self-score for this criterion (0 to { $max }; decimals such as 12.5 are fine)?
criteria-score-invalid = { $typed ->
    [yes] "{ $input }" is not a valid score.
   *[no] No score received.
} Please type a number from 0 to { $max }, e.g. 15 or 12.5.
criteria-ask-evidence-doc = Send the evidence "{ $doc }": a link (starting with http:// or https://) or an attached file or photo. Press "Skip" if you do not have it yet.
criteria-ask-evidence = Send more evidence (a link, a file or a photo), or press "Skip".
criteria-evidence-invalid = No evidence received.
criteria-evidence-received = Evidence { $count } received.
criteria-ask-note = Any note (difficulties, requests…; up to { $max } characters), or press "Skip".
criteria-note-invalid = Please type the note as text.
criteria-note-too-long = The note is longer than { $max } characters.
criteria-report-saved = Report for { $month } on criterion { $code } saved: { $status }, self-score { $score }/{ $max }, { $evidence } evidence item(s). Thank you!
criteria-report-lost = The criterion was assigned to someone else while you were reporting, so the report was not saved.
criteria-others-left = You still have { $count } criteria to report on this month:
criteria-all-mine-reported = You have reported on all your criteria this month.

## /phancong

criteria-assign-choose-criterion = { $commune }: choose a criterion to assign (the current owner is shown):
criteria-assign-choose-official = { $code } · { $title }
    Choose the responsible official:
criteria-assign-no-officials = { $commune } has no officials with an account yet. Create an invitation (npm run cli -- invite --role official …) and ask the official to send /dangky with the code.
criteria-assign-not-official = This person is not an official of the commune, so the criterion cannot be assigned to them.
criteria-assign-done = Criterion { $code } assigned to { $owner }.
criteria-assign-notify = You are now responsible for criterion { $heading } of { $commune }. I will remind you every month to report progress; you can report now with /capnhat.
criteria-unassign-notify = Criterion { $heading } of { $commune } has been assigned to another official; you no longer need to report on it.

## /baocao: Excel file

criteria-xlsx-bad-month = That month is not valid. Send /baocao for this month, or /baocao 2026-11 (year-month).
criteria-xlsx-caption = Report for { $month } on { $count } communes: criteria progress, satisfaction, complaints and feedback.
criteria-xlsx-title = "Friendly government" report, { $month }
criteria-xlsx-sheet-summary = Communes
criteria-xlsx-sheet-progress = Criteria progress
criteria-xlsx-sheet-satisfaction = Satisfaction (national scale)
criteria-xlsx-sheet-answers = Rating answers
criteria-xlsx-sheet-complaints = Complaints and feedback
criteria-xlsx-yes = Yes
criteria-xlsx-no = No
criteria-xlsx-all = Whole area
criteria-xlsx-commune-code = Commune code
criteria-xlsx-commune = Commune
criteria-xlsx-set = Criteria set
criteria-xlsx-total = Total self-score
criteria-xlsx-max = Maximum
criteria-xlsx-stars = Stars
criteria-xlsx-floors = Every criterion at its minimum
criteria-xlsx-recognized = Qualifies for recognition
criteria-xlsx-reported = Criteria reported this month
criteria-xlsx-code = Criterion code
criteria-xlsx-criterion = Criterion
criteria-xlsx-owner = Responsible official
criteria-xlsx-status = Status
criteria-xlsx-score = Self-score
criteria-xlsx-last-month = Latest report month
criteria-xlsx-this-month = Reported this month
criteria-xlsx-missing = Evidence missing
criteria-xlsx-evidence = Evidence (latest report)
criteria-xlsx-note = Note
criteria-xlsx-returned = Dossiers returned
criteria-xlsx-early = Early
criteria-xlsx-on-time = On time
criteria-xlsx-late = Late
criteria-xlsx-rated = Ratings
criteria-xlsx-satisfied-pct = Satisfied (%)
criteria-xlsx-unsatisfied-pct = Not satisfied (%)
criteria-xlsx-in-time-pct = On time, early included (%)
criteria-xlsx-questionnaire = Questionnaire
criteria-xlsx-question = Question
criteria-xlsx-answer = Answer
criteria-xlsx-answer-count = Count
criteria-xlsx-answer-pct = Share (%)
criteria-xlsx-extra-payment = Hinted to pay extra
criteria-xlsx-received = Received
criteria-xlsx-resolved = Resolved
criteria-xlsx-resolved-on-time = Resolved on time
criteria-xlsx-resolved-on-time-pct = On time (%)
criteria-xlsx-average-days = Average working days

## Command line (npm run cli -- …)

criteria-import-set-created = Criteria set { $key } ({ $decision }) created: { $count } criteria.
criteria-import-set-updated = Criteria set { $key } ({ $decision }) updated: { $count } criteria.
criteria-import-assignments = { $count } assignments imported: { $changed } changed, { $unchanged } unchanged.
criteria-cli-no-sets = No criteria sets yet.
criteria-cli-set = { $key }: { $decision } ({ $province }), { $count } criteria, { $max } points; used: { $use }
criteria-cli-use = { $year }: { $count } communes
criteria-cli-unknown-set = There is no criteria set { $key }. See the list: npm run cli -- criteria list
criteria-cli-unknown-communes = Communes not found: { $codes }. Nothing was changed.
criteria-cli-no-communes = No matching commune. Nothing was changed.
criteria-cli-used = Criteria set { $key } for { $year } applied to { $count } communes.

## Charts sent with /tiendo and /xephang

chart-score = { $score }/{ $max }
chart-not-reported = not reported
chart-stars = { $stars ->
    [0] no star level yet
   *[other] { $stars } { $stars ->
        [one] star
       *[other] stars
    }
}
chart-progress-title = Criteria progress — { $commune }
chart-progress-subtitle = { $month } · Criteria set { $decision }
chart-progress-criteria = Self-score against the maximum
chart-progress-levels = Total { $total }/{ $max } points, { $stars }
chart-level-row = { $stars } { $stars ->
    [one] star
   *[other] stars
}
chart-level-min = from { $min } points
chart-floor-line = minimum { $percent }%
chart-total-line = Total: { $total } points
chart-progress-alt = Criteria progress of { $commune }, { $month }: { $total }/{ $max } points in total, { $stars }.
chart-rank-title = Ranking by self-score, { $month }
chart-rank-legend = Green: eligible for recognition
chart-rank-set = { $decision } ({ $province })
chart-rank-subtitle = { $reached }/{ $count } communes eligible for recognition{ $hasTarget ->
    [yes] , target { $target }%
   *[no] {""}
}{ $cut ->
    [yes] ; top { $shown } shown
   *[no] {""}
}
chart-rank-row = { $rank }. { $commune }
chart-rank-note = { $total } · { $stars }
chart-recognition-line = recognition at { $points }
chart-rank-alt = Chart ranking { $count } communes by self-score, { $month }: { $recognized } eligible for recognition, highest { $best } ({ $total } points).
