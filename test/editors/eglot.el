;;; eglot.el --- Drives the server from Emacs 28 + eglot (batch): diagnostics, hover, definition.
;; Run: emacs -Q --batch -l eglot.el   Env: UN_SERVER, UN_DRAFT, UN_MODE. Exits non-zero on failure.
;; UN_MODE: "markdown-mode" or "gfm-mode" (Debian's elpa-markdown-mode; README.md opens in gfm-mode),
;; or "auto" to let markdown-mode's own auto-mode-alist choose. eglot sends the mode's name as the
;; language id ("gfm", "markdown"), as it does for users: nothing is forced to "markdown" here.

(setq package-directory-list (cons "/usr/share/emacs/site-lisp/elpa" package-directory-list))
(package-initialize)
(require 'eglot)
(require 'flymake)

(defun un-fail (fmt &rest args)
  (princ (concat "eglot: FAIL " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(require 'markdown-mode)
;; The README's recipe.
(add-to-list 'eglot-server-programs `((markdown-mode gfm-mode) . ("node" ,(getenv "UN_SERVER") "--stdio")))

(find-file (getenv "UN_DRAFT"))
(let ((mode (getenv "UN_MODE")))
  (unless (equal mode "auto") (funcall (intern mode))))
(unless (memq major-mode '(markdown-mode gfm-mode)) (un-fail "major mode %S" major-mode))
;; eglot's own language id for the mode: its name without "-mode".
(defvar un-language-id (string-remove-suffix "-mode" (symbol-name major-mode)))
(condition-case err
    (eglot (list major-mode) (cons 'transient (file-name-directory (getenv "UN_DRAFT")))
           'eglot-lsp-server (list "node" (getenv "UN_SERVER") "--stdio") un-language-id)
  (error (un-fail "eglot: %S" err)))
(let ((deadline (+ (float-time) 20)))
  (while (and (not (eglot-current-server)) (< (float-time) deadline)) (accept-process-output nil 0.1)))
(unless (eglot-current-server) (un-fail "no server"))

;; Push diagnostics arrive as Flymake diagnostics.
(let ((deadline (+ (float-time) 20)) diags)
  (while (and (null (setq diags (flymake-diagnostics))) (< (float-time) deadline))
    (accept-process-output nil 0.1))
  (unless diags (un-fail "no diagnostics"))
  (unless (string-match-p "No paragraph 25" (flymake-diagnostic-text (car diags)))
    (un-fail "unexpected diagnostic %S" (flymake-diagnostic-text (car diags)))))

(let* ((server (eglot-current-server))
       (params `(:textDocument (:uri ,(eglot--path-to-uri (buffer-file-name))) :position (:line 0 :character 9)))
       (hover (jsonrpc-request server :textDocument/hover params))
       (contents (plist-get (plist-get hover :contents) :value))
       (defs (jsonrpc-request server :textDocument/definition params)))
  (unless (and contents (string-match-p "Encourages States parties to consider establishing" contents)) (un-fail "hover %S" hover))
  (unless (and (> (length defs) 0) (string-match-p "compendium" (plist-get (aref defs 0) :targetUri))) (un-fail "definition %S" defs)))

(princ (format "eglot: ok in %s, language id %S (diagnostics, hover, definition)\n" major-mode un-language-id) #'external-debugging-output)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
