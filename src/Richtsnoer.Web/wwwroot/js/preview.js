// Live preview for the interview: posts the form (without saving) and swaps in the
// server-rendered protocol. Also shows or hides questions whose condition changed.
// Without JavaScript the wizard works the same; the preview then updates on every save.
(function () {
    'use strict';
    var form = document.querySelector('form[data-preview]');
    var target = document.getElementById('preview');
    if (!form || !target || !window.fetch || !window.FormData) {
        return;
    }

    var shown = form.querySelector('input[name="shown"]');
    var timer = null;
    var sequence = 0;
    var pending = null;
    var dirty = false;

    function clauses() {
        var map = {};
        target.querySelectorAll('article[data-clause]').forEach(function (a) {
            map[a.getAttribute('data-clause')] = a.innerHTML;
        });
        return map;
    }

    function update() {
        var mine = ++sequence;
        dirty = false;
        window.clearTimeout(timer);
        pending = fetch(form.getAttribute('data-preview'), {
            method: 'POST',
            body: new FormData(form),
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (data) {
            if (!data || mine !== sequence) {
                return;
            }

            var before = clauses();
            target.innerHTML = data.html;
            var first = null;
            target.querySelectorAll('article[data-clause]').forEach(function (a) {
                var old = before[a.getAttribute('data-clause')];
                if (old !== undefined && old !== a.innerHTML) {
                    a.classList.add('changed');
                    first = first || a;
                }
            });
            if (first && target.scrollHeight > target.clientHeight) {
                target.scrollTop = Math.max(0, first.offsetTop - target.offsetTop - 24);
            }

            var visible = [];
            var appeared = null;
            form.querySelectorAll('[data-question]').forEach(function (el) {
                var id = el.getAttribute('data-question');
                var hide = data.hidden.indexOf(id) >= 0;
                // Only a newly shown question that needs an answer stops "next"; an optional one
                // does not cost the user a second click.
                if (el.hidden && !hide && el.getAttribute('data-required') === 'true') {
                    appeared = appeared || el;
                }

                el.hidden = hide;
                if (!hide) {
                    visible.push(id);
                }
            });
            if (shown) {
                shown.value = visible.join(',');
            }

            target.setAttribute('data-updates', String(mine));
            return appeared;
        }).catch(function () { /* the preview is a convenience; saving still works */ });
        return pending;
    }

    function schedule() {
        dirty = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(update, 300);
    }

    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);

    // Submitting right after a change: first let the server say which questions now apply,
    // so a question that just appeared is known to have been seen.
    form.addEventListener('submit', function (event) {
        if (!dirty || !window.Promise) {
            return;
        }

        event.preventDefault();
        var submitter = event.submitter;
        update().then(function (appeared) {
            if (appeared) {
                // A question that needs an answer just appeared: say so and put the cursor in it.
                var status = document.getElementById('appeared');
                if (status) {
                    var p = document.createElement('p');
                    p.className = 'notice';
                    p.textContent = status.getAttribute('data-text');
                    status.replaceChildren(p);
                }

                var field = appeared.querySelector('input, textarea, select');
                if (field) {
                    field.focus();
                }

                return;
            }

            if (form.requestSubmit) {
                form.requestSubmit(submitter || undefined);
            } else {
                form.submit();
            }
        });
    });

    // On a narrow screen the preview would start below the whole form: a sticky button opens
    // it over the form and closes it again. Without this script the preview stays below the form.
    var toggle = document.querySelector('.preview-toggle');
    var panel = document.getElementById('preview-panel');
    var narrow = window.matchMedia ? window.matchMedia('(max-width: 63.99rem)') : null;
    if (toggle && panel && narrow) {
        var setOpen = function (open) {
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            toggle.textContent = toggle.getAttribute(open ? 'data-close' : 'data-open');
            panel.classList.toggle('open', open);
            panel.hidden = !open && narrow.matches;
            document.body.classList.toggle('preview-open', open);
        };
        var layout = function () {
            toggle.hidden = !narrow.matches;
            panel.classList.toggle('collapsible', narrow.matches);
            setOpen(false);
        };
        toggle.addEventListener('click', function () {
            var open = toggle.getAttribute('aria-expanded') !== 'true';
            setOpen(open);
            if (open) {
                target.focus();
            }
        });
        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
                setOpen(false);
                toggle.focus();
            }
        });
        if (narrow.addEventListener) {
            narrow.addEventListener('change', layout);
        }

        layout();
    }
})();
