# bash completion for noticetab
_noticetab() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    -f|--format) COMPREPLY=($(compgen -W "yaml json jsonl csv tsv xlsx text ics" -- "$cur")); return ;;
    --encoding) COMPREPLY=($(compgen -W "utf-8 gb18030 gbk" -- "$cur")); return ;;
    --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --dump) COMPREPLY=($(compgen -W "grid diagnostics" -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--year|--max-size) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "--format --output --recursive --jobs --quiet --strict --fail-on-warning --encoding
      --year --max-size --rules --excel --raw-formulas --normalize-punct --by-unit --dump --help --version" -- "$cur"))
  elif [ "$COMP_CWORD" = 1 ]; then
    COMPREPLY=($(compgen -W "convert units due diff" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _noticetab noticetab
