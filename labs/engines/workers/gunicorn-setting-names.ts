// Every setting name Gunicorn 20.1 knows (gunicorn/config.py, KNOWN_SETTINGS, as printed by
// Debian's gunicorn 20.1.0), so the course can tell "a real setting it does not implement" from
// "not a setting at all". https://docs.gunicorn.org/en/20.1.0/settings.html
export const gunicornSettingNames: ReadonlySet<string> = new Set(
  `config wsgi_app bind backlog workers worker_class threads worker_connections max_requests
  max_requests_jitter timeout graceful_timeout keepalive limit_request_line limit_request_fields
  limit_request_field_size reload reload_engine reload_extra_files spew check_config print_config
  preload_app sendfile reuse_port chdir daemon raw_env pidfile worker_tmp_dir user group umask
  initgroups tmp_upload_dir secure_scheme_headers forwarded_allow_ips accesslog
  disable_redirect_access_to_syslog access_log_format errorlog loglevel capture_output
  logger_class logconfig logconfig_dict syslog_addr syslog syslog_prefix syslog_facility
  enable_stdio_inheritance statsd_host dogstatsd_tags statsd_prefix proc_name default_proc_name
  pythonpath paste on_starting on_reload when_ready pre_fork post_fork post_worker_init
  worker_int worker_abort pre_exec pre_request post_request child_exit worker_exit
  nworkers_changed on_exit proxy_protocol proxy_allow_ips keyfile certfile ssl_version cert_reqs
  ca_certs suppress_ragged_eofs do_handshake_on_connect ciphers raw_paste_global_conf
  strip_header_spaces tolerate_dangerous_framing`.split(/\s+/).filter(Boolean),
);
